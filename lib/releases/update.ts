/**
 * `npm run site -- update`: from a new commit on the branch to a release serving it, or to nothing changed.
 * Each step runs in the release's own folder (SITE_ROOT/build/<commit>): the content check, the build and the
 * build-output check are the project's own npm scripts, so the release path judges a page exactly as CI and the
 * editor do. Only when all pass does the folder become a release and the supervisor switch traffic to it; a
 * failure leaves the live release serving and is recorded with the words that explain it.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describeCommit, exportCommit, fetchBranch, type CommitInfo } from "@/lib/git/repository";
import { askSupervisorToSwitch, SupervisorUnavailableError } from "./control";
import { KEPT_RELEASES, short, SiteLayout, writeJsonAtomically, type ReleaseInfo, type ReleaseStage } from "./layout";
import { tryLock } from "./lock";

export interface UpdateOptions {
  layout: SiteLayout;
  /** The git checkout to fetch into (the operator's clone of the site). */
  repository: string;
  remote: string;
  branch: string;
  /** Build again a commit already tried (after fixing the server, say); otherwise a commit is tried once. */
  force?: boolean;
  /** Where progress lines go (the command prints them; the timer's journal keeps them). */
  say: (line: string) => void;
  now?: () => Date;
}

export type UpdateResult =
  | { outcome: "skipped"; reason: string }
  | { outcome: "up-to-date"; commit: string }
  | { outcome: "live"; commit: string }
  | { outcome: "built"; commit: string; reason: string }
  | { outcome: "failed"; commit: string; stage: ReleaseStage; message: string };

/** A step that failed, with what a person needs to read to fix it. */
class StageFailure extends Error {
  constructor(
    readonly stage: ReleaseStage,
    message: string,
  ) {
    super(message);
  }
}

/** How many of the output's last lines a failure keeps: enough for a build's error, short enough to read. */
const FAILURE_LINES = 30;

export async function updateSite(options: UpdateOptions): Promise<UpdateResult> {
  const { layout, say } = options;
  const lock = tryLock(layout.lockFile);
  if ("heldBy" in lock) {
    const reason = `another update is running (process ${lock.heldBy}); this one is skipped, and that one will publish the newest commit it fetched`;
    say(reason);
    return { outcome: "skipped", reason };
  }
  try {
    return await updateLocked(options);
  } finally {
    lock.release();
  }
}

async function updateLocked({ layout, repository, remote, branch, force, say, now = () => new Date() }: UpdateOptions): Promise<UpdateResult> {
  let commit: CommitInfo;
  try {
    commit = await describeCommit(repository, await fetchBranch(repository, remote, branch));
  } catch (error) {
    const message = (error as Error).message;
    layout.writeFailure({ commit: "unknown", at: now().toISOString(), stage: "fetch", message });
    say(`could not fetch ${branch} from ${remote}: ${message}`);
    return { outcome: "failed", commit: "unknown", stage: "fetch", message };
  }
  // The branch's newest commit is tried once: after a rollback, or after a commit that failed, the timer's next
  // run must not switch back to it or build it again. A new commit (or --force) does.
  const seenFile = path.join(layout.root, "branch-head.json");
  const seen = readSeenCommit(seenFile);
  if (!force && seen === commit.commit) {
    say(`${branch} is at ${short(commit.commit)}, already tried: nothing to do`);
    return { outcome: "up-to-date", commit: commit.commit };
  }
  writeJsonAtomically(seenFile, { commit: commit.commit });
  say(`${branch} is at ${short(commit.commit)} (${commit.subject})`);

  if (!layout.release(commit.commit)) {
    try {
      await buildRelease(layout, repository, commit, say, now);
    } catch (error) {
      const stage = error instanceof StageFailure ? error.stage : "build";
      const message = (error as Error).message;
      layout.writeFailure({ commit: commit.commit, at: now().toISOString(), stage, message });
      say(`${short(commit.commit)} did not pass ${stage}; the live release keeps serving:\n${message}`);
      return { outcome: "failed", commit: commit.commit, stage, message };
    }
  }
  return switchTo(layout, commit.commit, say, now);
}

/** Asks the supervisor to serve `commit` (a kept release). Used by update and by rollback. */
export async function switchTo(layout: SiteLayout, commit: string, say: (line: string) => void, now = () => new Date()): Promise<UpdateResult> {
  try {
    await askSupervisorToSwitch(layout, commit);
  } catch (error) {
    if (error instanceof SupervisorUnavailableError) {
      // No server running (a first install, or the service stopped): it serves this release when it starts.
      layout.writeLive({ commit, since: now().toISOString() });
      const reason = "the site's server is not running; it will serve this release when it starts";
      say(`${short(commit)} is ready: ${reason}`);
      pruneReleases(layout, say);
      return { outcome: "built", commit, reason };
    }
    const message = (error as Error).message;
    layout.writeFailure({ commit, at: now().toISOString(), stage: "switch", message });
    say(`${short(commit)} did not go live; the previous release keeps serving: ${message}`);
    return { outcome: "failed", commit, stage: "switch", message };
  }
  layout.clearFailure();
  say(`${short(commit)} is live`);
  pruneReleases(layout, say);
  return { outcome: "live", commit };
}

async function buildRelease(layout: SiteLayout, repository: string, commit: CommitInfo, say: (line: string) => void, now: () => Date) {
  const folder = layout.buildDir(commit.commit);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  fs.mkdirSync(path.dirname(layout.logFile(commit.commit)), { recursive: true });
  const log = fs.openSync(layout.logFile(commit.commit), "w");
  try {
    say(`building ${short(commit.commit)} in ${folder} (log: ${layout.logFile(commit.commit)})`);
    await stage("export", () => exportCommit(repository, commit.commit, folder));
    const previous = layout.releases()[0];
    await stage("install", () => installDependencies(folder, [previous && layout.releaseDir(previous.commit), repository], log, say));
    if (fs.existsSync(layout.buildCacheDir)) fs.cpSync(layout.buildCacheDir, path.join(folder, ".next", "cache"), { recursive: true });
    const buildEnv = { SITE_COMMIT: commit.commit, SITE_COMMITTED_AT: commit.committedAt, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: serverActionsKey(layout) };
    // `npm run build` runs the content check first (package.json): one run, and a failure that carries the check's
    // file:line lines is the content's, not the code's.
    await stage("build", () =>
      runStep(folder, ["run", "build"], log, buildEnv, (output) => contentCheckProblems(output) ?? lastLines(output)).catch((error: Error) => {
        const problems = contentCheckProblems(error.message);
        throw problems ? new StageFailure("content-check", problems) : error;
      }),
    );
    await stage("build-output-check", () => runStep(folder, ["run", "test:build-output"], log, {}, lastLines));
    if (previous) keepPreviousStaticFiles(layout.releaseDir(previous.commit), folder);
    keepBuildCache(layout, folder);
    const info: ReleaseInfo = { ...commit, builtAt: now().toISOString() };
    writeJsonAtomically(path.join(folder, "release.json"), info);
    fs.mkdirSync(layout.releasesDir, { recursive: true });
    fs.rmSync(layout.releaseDir(commit.commit), { recursive: true, force: true });
    fs.renameSync(folder, layout.releaseDir(commit.commit));
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    fs.closeSync(log);
  }
}

async function stage(name: ReleaseStage, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof StageFailure) throw error;
    throw new StageFailure(name, (error as Error).message);
  }
}

/**
 * node_modules from the previous release, or from the checkout `npm run site` runs in, when its lockfile is the
 * same (hard links: seconds, and no disk; a copy where links cannot cross file systems), else a clean `npm ci`.
 * npm replaces files rather than editing them, so a linked release never changes under another.
 */
async function installDependencies(folder: string, sources: (string | undefined)[], log: number, say: (line: string) => void) {
  const lockfile = (dir: string) => fs.readFileSync(path.join(dir, "package-lock.json"), "utf8");
  const source = sources.find(
    (dir): dir is string => dir !== undefined && fs.existsSync(path.join(dir, "node_modules")) && fs.existsSync(path.join(dir, "package-lock.json")) && lockfile(dir) === lockfile(folder),
  );
  if (source) {
    say(`package-lock.json unchanged: node_modules linked from ${source}`);
    const [from, to] = [path.join(source, "node_modules"), path.join(folder, "node_modules")];
    await runCommand("cp", ["-al", from, to], folder, log, {}, lastLines).catch(async () => {
      fs.rmSync(to, { recursive: true, force: true });
      await runCommand("cp", ["-a", from, to], folder, log, {}, lastLines);
    });
    return;
  }
  say("package-lock.json changed: npm ci");
  await runStep(folder, ["ci", "--no-audit", "--no-fund"], log, {}, lastLines);
}

/**
 * Next's build cache, kept once in SITE_ROOT/build-cache rather than in every release (about 150 MB each): copied in
 * before a build, so a small change builds in seconds, and moved back out after one that passed.
 */
function keepBuildCache(layout: SiteLayout, folder: string) {
  const cache = path.join(folder, ".next", "cache");
  if (!fs.existsSync(cache)) return;
  fs.rmSync(layout.buildCacheDir, { recursive: true, force: true });
  fs.renameSync(cache, layout.buildCacheDir);
}

/**
 * The key Next derives its server actions' ids from, the same for every release: a form a patient opened before a
 * switch still posts to an action the new release knows. Next would otherwise draw a new one per build (it keeps
 * one in .next/cache only outside containers). The operator's NEXT_SERVER_ACTIONS_ENCRYPTION_KEY wins; else one is
 * made once and kept in SITE_ROOT/keys (never in a release's folder, though each build embeds it, as Next does).
 */
function serverActionsKey(layout: SiteLayout): string {
  if (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  const file = layout.serverActionsKeyFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The previous build's own scripts and styles, copied beside the new ones in the server's folder (their names carry
 * a hash, so nothing is replaced): a page loaded before the switch can still fetch the script it asks for on first
 * use. Only the previous build's, not what it carried itself, so the folder does not grow release after release.
 */
function keepPreviousStaticFiles(previousRelease: string, release: string) {
  const from = path.join(previousRelease, ".next", "static");
  const to = path.join(release, ".next", "standalone", ".next", "static");
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, force: false, errorOnExist: false });
}

type Explain = (output: string) => string;

function runStep(folder: string, npmArgs: string[], log: number, env: Record<string, string>, explain: Explain) {
  return runCommand("npm", npmArgs, folder, log, env, explain);
}

/** Runs a command, its output into the release's log; on failure, an error whose message `explain` draws from it. */
function runCommand(command: string, args: string[], cwd: string, log: number, env: Record<string, string>, explain: Explain): Promise<void> {
  fs.writeSync(log, `\n$ ${command} ${args.join(" ")}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", CI: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      fs.writeSync(log, chunk);
      output = (output + chunk.toString("utf8")).slice(-200_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(explain(output) || `${command} ${args.join(" ")} exited with ${code}`))));
  });
}

function lastLines(output: string): string {
  return output.trimEnd().split("\n").slice(-FAILURE_LINES).join("\n");
}

/** The content check's error lines that name a file and line ("content/faq.mdx:12: …"): what staff must fix. */
function contentCheckProblems(output: string): string | undefined {
  const problems = output.split("\n").filter((line) => /^content\/\S+:\d+(:\d+)?: /.test(line) && !/^\S+: warning: /.test(line));
  return problems.length > 0 ? problems.join("\n") : undefined;
}

function readSeenCommit(file: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { commit?: string }).commit;
  } catch {
    return undefined;
  }
}

/** Keeps the newest KEPT_RELEASES releases, and always the live one; build logs of removed releases go too. */
export function pruneReleases(layout: SiteLayout, say: (line: string) => void) {
  const live = layout.live()?.commit;
  const releases = layout.releases();
  for (const release of releases.slice(KEPT_RELEASES)) {
    if (release.commit === live) continue;
    fs.rmSync(layout.releaseDir(release.commit), { recursive: true, force: true });
    say(`removed the old release ${short(release.commit)}`);
  }
}

