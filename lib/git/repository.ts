/**
 * Git, in one place: the release path (lib/releases/) reads history and exports commits through this module, and
 * nothing else in the project runs git. Commands run with `execFile` (no shell), so a branch or commit name is
 * never interpreted by one.
 */
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A git command that failed, with what git said: the release log and `site status` show it as it is. */
export class GitError extends Error {}

async function git(repository: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd: repository, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new GitError(`git ${args[0]} failed in ${repository}: ${stderr || (error as Error).message}`);
  }
}

/** A commit as the release path records it. */
export interface CommitInfo {
  commit: string;
  /** When it was committed (ISO 8601): "the time of the content being served". */
  committedAt: string;
  subject: string;
}

/** Brings `branch` from `remote` and returns the commit it points to there. */
export async function fetchBranch(repository: string, remote: string, branch: string): Promise<string> {
  await git(repository, ["fetch", "--quiet", remote, `refs/heads/${branch}`]);
  return git(repository, ["rev-parse", "--verify", "FETCH_HEAD^{commit}"]);
}

/** The full commit id of `ref` (a branch, a tag, HEAD or a short id). */
export function resolveCommit(repository: string, ref: string): Promise<string> {
  return git(repository, ["rev-parse", "--verify", `${ref}^{commit}`]);
}

export async function describeCommit(repository: string, commit: string): Promise<CommitInfo> {
  const [id, committedAt, ...subject] = (await git(repository, ["show", "-s", "--format=%H%n%cI%n%s", commit])).split("\n");
  return { commit: id!, committedAt: new Date(committedAt!).toISOString(), subject: subject.join("\n") };
}

/** Whether `file` differs between two commits (the release path runs `npm ci` only when the lockfile did). */
export async function fileChanged(repository: string, from: string, to: string, file: string): Promise<boolean> {
  return (await git(repository, ["diff", "--name-only", from, to, "--", file])) !== "";
}

/**
 * Writes the files of `commit` into `destination` (which must exist and be empty): the tracked files only, so no
 * `.git`, no `.env*`, no data folder that happens to sit in the checkout.
 */
export async function exportCommit(repository: string, commit: string, destination: string): Promise<void> {
  if (fs.readdirSync(destination).length > 0) throw new GitError(`${destination} is not empty`);
  await new Promise<void>((resolve, reject) => {
    const archive = spawn("git", ["archive", "--format=tar", commit], { cwd: repository, stdio: ["ignore", "pipe", "pipe"] });
    const extract = spawn("tar", ["-x", "-f", "-", "-C", destination], { stdio: ["pipe", "ignore", "pipe"] });
    let errors = "";
    archive.stderr.on("data", (chunk) => (errors += chunk));
    extract.stderr.on("data", (chunk) => (errors += chunk));
    archive.stdout.pipe(extract.stdin);
    let finished = 0;
    const done = (name: string) => (code: number | null) => {
      if (code !== 0) reject(new GitError(`${name} of ${commit} failed: ${errors.trim() || `exit ${code}`}`));
      else if (++finished === 2) resolve();
    };
    archive.on("close", done("git archive"));
    extract.on("close", done("tar"));
    archive.on("error", reject);
    extract.on("error", reject);
  });
}
