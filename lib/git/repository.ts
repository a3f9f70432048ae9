/**
 * Git, in one place: the release path (lib/releases/) reads history and exports commits through this module, the
 * web editor (lib/publishing/) reads files and history and makes its commits here, and nothing else in the project
 * runs git. Commands run with `spawn` (no shell), so a branch, path or commit name is never interpreted by one.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A git command that failed, with what git said: the release log and `site status` show it as it is. */
export class GitError extends Error {}

interface GitRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs git and returns whatever it said, however it ended; `input` goes to its standard input. */
function runGit(repository: string, args: string[], { input, env }: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: repository, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr: stderr.trim() }));
    child.stdin.on("error", () => undefined); // git may end before reading all of it (an error it then reports)
    child.stdin.end(input ?? "");
  });
}

async function gitBuffer(repository: string, args: string[], options?: Parameters<typeof runGit>[2]): Promise<Buffer> {
  const result = await runGit(repository, args, options);
  if (result.code !== 0) throw new GitError(`git ${args[0]} failed in ${repository}: ${result.stderr || `exit ${result.code}`}`);
  return result.stdout;
}

async function git(repository: string, args: string[], options?: Parameters<typeof runGit>[2]): Promise<string> {
  return (await gitBuffer(repository, args, options)).toString("utf8").trim();
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

// ---- The web editor's reading and writing (lib/publishing/) ----

/** The commit `branch` points to in `repository`. */
export function branchHead(repository: string, branch: string): Promise<string> {
  return resolveCommit(repository, `refs/heads/${branch}`);
}

/** Whether `ancestor` is `descendant` or comes before it in its history (a publish is live once the live commit holds it). */
export async function isAncestor(repository: string, ancestor: string, descendant: string): Promise<boolean> {
  const result = await runGit(repository, ["merge-base", "--is-ancestor", ancestor, descendant]);
  if (result.code === 0) return true;
  if (result.code === 1) return false;
  throw new GitError(`git merge-base failed in ${repository}: ${result.stderr}`);
}

/** The files under `folder` (e.g. `content`) at `commit`, as paths from the repository's root, sorted. */
export async function listFiles(repository: string, commit: string, folder: string): Promise<string[]> {
  const listing = await gitBuffer(repository, ["ls-tree", "-r", "-z", "--name-only", commit, "--", `${folder.replace(/\/+$/, "")}/`]);
  return listing.toString("utf8").split("\0").filter(Boolean).sort();
}

/** Several files of one commit at once (one git process, not one per file); a path absent there is left out. */
export async function readFiles(repository: string, commit: string, paths: readonly string[]): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  if (paths.length === 0) return files;
  const output = await gitBuffer(repository, ["cat-file", "--batch"], { input: paths.map((file) => `${commit}:${file}\n`).join("") });
  let offset = 0;
  for (const file of paths) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString("utf8");
    offset = headerEnd + 1;
    if (header.endsWith(" missing")) continue;
    const [, type, size] = header.split(" ");
    if (type !== "blob") continue;
    files.set(file, output.subarray(offset, offset + Number(size)));
    offset += Number(size) + 1;
  }
  return files;
}

/** A file's text at `commit`, or undefined when the commit has no such file. */
export async function fileAt(repository: string, commit: string, file: string): Promise<string | undefined> {
  return (await readFiles(repository, commit, [file])).get(file)?.toString("utf8");
}

/** One published version of a file, as the editor's history lists it. */
export interface FileVersion {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** When it was written (ISO 8601). */
  date: string;
  /** The commit message's first line: the summary the editor typed. */
  summary: string;
  /** The physician named in the commit's `Reviewed-by:` trailer, if it has one. */
  reviewedBy: string | undefined;
}

const FIELD = "\u001f";
const RECORD = "\u001e";

/** Every commit on `branch` that changed `file`, newest first (the `limit` newest only, when given). */
export async function fileHistory(repository: string, branch: string, file: string, { limit }: { limit?: number } = {}): Promise<FileVersion[]> {
  const format = ["%H", "%an", "%ae", "%aI", "%s", "%(trailers:key=Reviewed-by,valueonly,separator=%x2C )"].join("%x1f") + "%x1e";
  const log = await git(repository, ["log", `--format=${format}`, ...(limit ? [`--max-count=${limit}`] : []), `refs/heads/${branch}`, "--", file]);
  return log
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [commit, authorName, authorEmail, date, summary, reviewedBy] = record.split(FIELD);
      return {
        commit: commit!,
        authorName: authorName!,
        authorEmail: authorEmail!,
        date: new Date(date!).toISOString(),
        summary: summary!,
        reviewedBy: reviewedBy?.trim() || undefined,
      };
    });
}

/** A person as git records them. */
export interface GitPerson {
  name: string;
  email: string;
}

export interface CommitRequest {
  branch: string;
  files: readonly { path: string; content: string | Buffer }[];
  /** The staff member whose words these are. */
  author: GitPerson;
  /** Who made the commit: the site itself. */
  committer: GitPerson;
  /** The summary the editor typed: the commit message's first line (and any lines after it). */
  message: string;
  /** Lines at the end of the message, e.g. `{ "Reviewed-by": "Dr. Ana Ruiz" }`. */
  trailers?: Readonly<Record<string, string>>;
  /**
   * The commit the files' new text was written against (a draft's base commit). When the branch has changed a file
   * since, the two changes are merged if they touch different lines; otherwise nothing is written.
   */
  expectedBase?: string | null;
}

export type CommitOutcome =
  /** One new commit on the branch. `merged`: a file also holds changes made on the branch since `expectedBase`. */
  | { status: "committed"; commit: string; merged: boolean }
  /** The files already read so on the branch: no commit was made. */
  | { status: "unchanged"; commit: string }
  /** The branch changed the same lines of `path` since `expectedBase`: both versions, and nothing written. */
  | { status: "conflict"; path: string; base: string | undefined; ours: string; theirs: string | undefined; branchCommit: string };

/** Three-way merge of one text with `git merge-file`; undefined when the two sides changed the same lines. */
async function mergeText(base: string, ours: string, theirs: string): Promise<string | undefined> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "merge-"));
  try {
    const [oursFile, baseFile, theirsFile] = ["ours", "base", "theirs"].map((name) => path.join(/* turbopackIgnore: true */ folder, name));
    fs.writeFileSync(oursFile!, ours);
    fs.writeFileSync(baseFile!, base);
    fs.writeFileSync(theirsFile!, theirs);
    const result = await runGit(folder, ["merge-file", "-p", oursFile!, baseFile!, theirsFile!]);
    if (result.code === 0) return result.stdout.toString("utf8");
    // A positive exit is the number of conflicts; anything else is git failing.
    if (result.code !== null && result.code > 0 && result.code < 128) return undefined;
    throw new GitError(`git merge-file failed: ${result.stderr || `exit ${result.code}`}`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function validateMessageLine(what: string, value: string) {
  if (/[\r\n]/.test(value) || value.trim() === "") throw new GitError(`${what} must be one line of text`);
}

function commitMessage(message: string, trailers: Readonly<Record<string, string>> = {}): string {
  const body = message.trim();
  if (body === "") throw new GitError("A commit needs a summary of the change");
  const lines = Object.entries(trailers).map(([key, value]) => {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(key)) throw new GitError(`"${key}" cannot be a trailer's name`);
    validateMessageLine(`The ${key} trailer`, value);
    return `${key}: ${value.trim()}`;
  });
  return lines.length > 0 ? `${body}\n\n${lines.join("\n")}\n` : `${body}\n`;
}

/** Tries a few times when someone else moves the branch between our reading and our writing it. */
const COMMIT_ATTEMPTS = 3;

/**
 * Writes `files` to `branch` as exactly one commit, with plumbing only: the blobs, a tree made in a temporary
 * index from the branch's tree, a commit whose parent is the branch's head, and the branch moved to it only if it
 * still points where it did (compare-and-swap). The checkout's work tree and index are never touched, so a
 * developer working in it loses nothing. No commit when the files already read so.
 */
export async function commitFiles(repository: string, request: CommitRequest): Promise<CommitOutcome> {
  const message = commitMessage(request.message, request.trailers);
  for (const person of [request.author, request.committer]) {
    validateMessageLine("A name", person.name);
    validateMessageLine("An email address", person.email);
  }
  for (let attempt = 1; ; attempt++) {
    const head = await branchHead(repository, request.branch);
    const paths = request.files.map((file) => file.path);
    const atHead = await readFiles(repository, head, paths);
    const atBase = request.expectedBase && request.expectedBase !== head ? await readFiles(repository, request.expectedBase, paths) : undefined;
    const toWrite: { path: string; content: Buffer }[] = [];
    let merged = false;
    for (const file of request.files) {
      let content = Buffer.from(file.content);
      const theirs = atHead.get(file.path);
      const base = atBase?.get(file.path);
      const branchChanged = atBase !== undefined && !(theirs === undefined ? base === undefined : base !== undefined && theirs.equals(base));
      if (branchChanged && !(theirs !== undefined && theirs.equals(content))) {
        const mergedText =
          typeof file.content === "string" && base !== undefined && theirs !== undefined
            ? await mergeText(base.toString("utf8"), file.content, theirs.toString("utf8"))
            : undefined;
        if (mergedText === undefined) {
          return { status: "conflict", path: file.path, base: base?.toString("utf8"), ours: content.toString("utf8"), theirs: theirs?.toString("utf8"), branchCommit: head };
        }
        content = Buffer.from(mergedText);
        merged = true;
      }
      if (!(theirs !== undefined && theirs.equals(content))) toWrite.push({ path: file.path, content });
    }
    if (toWrite.length === 0) return { status: "unchanged", commit: head };

    const commit = await writeCommit(repository, head, toWrite, message, request);
    const moved = await runGit(repository, ["update-ref", "-m", "web editor: publish", `refs/heads/${request.branch}`, commit, head]);
    if (moved.code === 0) return { status: "committed", commit, merged };
    // The branch moved under us (a developer's push, a second publish): start again from its new head.
    if ((await branchHead(repository, request.branch)) === head || attempt >= COMMIT_ATTEMPTS) {
      throw new GitError(`git update-ref failed in ${repository}: ${moved.stderr}`);
    }
  }
}

async function writeCommit(
  repository: string,
  parent: string,
  files: readonly { path: string; content: Buffer }[],
  message: string,
  { author, committer }: Pick<CommitRequest, "author" | "committer">,
): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "commit-index-"));
  // An index of our own: the checkout's index (and its work tree) stay as the developer left them.
  const env = { GIT_INDEX_FILE: path.join(folder, "index") };
  try {
    await git(repository, ["read-tree", parent], { env });
    for (const file of files) {
      const blob = await git(repository, ["hash-object", "-w", "--stdin"], { input: file.content });
      await git(repository, ["update-index", "--add", "--cacheinfo", `100644,${blob},${file.path}`], { env });
    }
    const tree = await git(repository, ["write-tree"], { env });
    return await git(repository, ["commit-tree", tree, "-p", parent, "-F", "-"], {
      input: message,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      },
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Sends `branch` to `remote` (CONTENT_GIT_REMOTE), where the release path fetches it from. */
export async function pushBranch(repository: string, remote: string, branch: string): Promise<void> {
  await git(repository, ["push", "--quiet", remote, `refs/heads/${branch}:refs/heads/${branch}`]);
}
