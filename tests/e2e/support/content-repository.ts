/**
 * A throwaway git repository for the editor's browser tests: the site's content/ and public/ as one first commit,
 * with one physician added to its clinic.yaml (a test's name, in this copy only: the site's own content names no
 * physician until the clinic does) so that a clinical reviewer can be linked and sign.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const TEST_PHYSICIAN = "Dr. Ana Testwell";

const ROOT = path.resolve(__dirname, "../../..");

function git(repository: string, args: string[]): string {
  return execFileSync("git", args, { cwd: repository, encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } }).trim();
}

export function createContentRepository(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  for (const part of ["content", "public"]) fs.cpSync(path.join(ROOT, part), path.join(folder, part), { recursive: true });
  const clinic = path.join(folder, "content", "clinic.yaml");
  fs.appendFileSync(clinic, `physicians:\n  - name: ${TEST_PHYSICIAN}\n    credentials: MD\n    role: Spine physician\n`);
  git(folder, ["init", "--quiet", "--initial-branch=main"]);
  git(folder, ["add", "-A"]);
  git(folder, ["-c", "user.name=Site developer", "-c", "user.email=developer@clinic.example", "commit", "--quiet", "-m", "The site's content"]);
  return folder;
}

/**
 * The commit on main whose message holds `summary` (both screen widths publish into one repository at once, so the
 * newest commit may be the other's): its author, message, the files it changed, and a file's bytes as it holds it.
 */
export function commitWith(repository: string, summary: string) {
  const hash = git(repository, ["log", "-1", "--fixed-strings", `--grep=${summary}`, "--format=%H", "main"]);
  if (!hash) throw new Error(`No commit on main says "${summary}"`);
  return {
    author: git(repository, ["log", "-1", "--format=%an <%ae>", hash]),
    message: git(repository, ["log", "-1", "--format=%B", hash]),
    files: git(repository, ["show", "--name-only", "--format=", hash]).split("\n"),
    /** How many lines of `file` the commit removed (a changed line counts once): few, for a few changed words. */
    linesRemoved: (file: string): number => Number(git(repository, ["show", "--numstat", "--format=", hash, "--", file]).split("\t")[1]),
    file: (file: string): Buffer =>
      execFileSync("git", ["show", `${hash}:${file}`], { cwd: repository, env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } }),
  };
}

/**
 * Makes an account a clinical reviewer signing for `physician`. The staff tool and /staff/users link only physicians
 * of the site's own clinic.yaml, which names none until the clinic publishes them (the site states no invented
 * doctor); the throwaway repository's clinic.yaml names the test physician, so the link is written directly.
 */
export function linkReviewer(dataDir: string, email: string, physician: string): void {
  const db = new Database(path.join(dataDir, "db", "appointments.sqlite"));
  try {
    const user = db.prepare("SELECT id FROM staff_user WHERE email = ?").get(email) as { id: string } | undefined;
    if (!user) throw new Error(`No staff account ${email}`);
    db.prepare(
      `INSERT INTO staff_abilities (user_id, can_edit, can_review, physician, updated_at) VALUES (?, 0, 1, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET can_review = 1, physician = excluded.physician, updated_at = excluded.updated_at`,
    ).run(user.id, physician, new Date().toISOString());
  } finally {
    db.close();
  }
}
