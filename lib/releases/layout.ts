/**
 * Where releases live on a server, and what is recorded about them: plain files under one folder (SITE_ROOT), so
 * an operator can read them with `ls` and `cat`, and the supervisor, `npm run site` and the staff pages agree.
 *
 *   SITE_ROOT/releases/<commit>/    one release: the commit's files, node_modules, the build (.next/standalone)
 *   SITE_ROOT/releases/<commit>/release.json   the commit, its time and when it was built
 *   SITE_ROOT/build/<commit>/       a release being built; renamed into releases/ only when every step passed
 *   SITE_ROOT/live.json             the release serving now (written by the supervisor after a switch)
 *   SITE_ROOT/last-failure.json     the last update that did not go live, and why
 *   SITE_ROOT/logs/<commit>.log     everything a release's build printed
 *   SITE_ROOT/run/control.sock      the supervisor's control socket (update and rollback ask it to switch)
 *   SITE_ROOT/keys/                 the key Next's server actions are named with, the same for every release
 *   SITE_ROOT/build-cache/          Next's build cache, carried from one build to the next
 *
 * Data (DATA_DIR) and keys are never under SITE_ROOT/releases: a release is built from `git archive`, which has
 * only tracked files, and the server refuses a DATA_DIR inside its own folder.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** How many releases are kept for a rollback (the live one included). */
export const KEPT_RELEASES = 3;

const commitId = z.string().regex(/^[0-9a-f]{40}$/, { error: "must be a full 40-character commit id" });

export const releaseInfoSchema = z.object({
  commit: commitId,
  committedAt: z.iso.datetime(),
  subject: z.string(),
  builtAt: z.iso.datetime(),
});
export type ReleaseInfo = z.infer<typeof releaseInfoSchema>;

export const liveReleaseSchema = z.object({ commit: commitId, since: z.iso.datetime() });
export type LiveRelease = z.infer<typeof liveReleaseSchema>;

/** The steps of an update, in order; a failure names the one that failed. */
export const RELEASE_STAGES = ["fetch", "export", "install", "content-check", "build", "build-output-check", "start", "switch"] as const;
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

export const releaseFailureSchema = z.object({
  commit: z.string(),
  at: z.iso.datetime(),
  stage: z.enum(RELEASE_STAGES),
  /** What went wrong, for a person: the content check's file:line lines, or the build's last lines. */
  message: z.string(),
});
export type ReleaseFailure = z.infer<typeof releaseFailureSchema>;

/** A commit as people read it: its first 7 characters, as git shows it. */
export const short = (commit: string) => commit.slice(0, 7);

export class SiteLayout {
  constructor(readonly root: string) {}

  get releasesDir() {
    return path.join(this.root, "releases");
  }
  releaseDir(commit: string) {
    return path.join(this.releasesDir, commit);
  }
  /** The folder a release's server runs in. */
  serverDir(commit: string) {
    return path.join(this.releaseDir(commit), ".next", "standalone");
  }
  buildDir(commit: string) {
    return path.join(this.root, "build", commit);
  }
  logFile(commit: string) {
    return path.join(this.root, "logs", `${commit}.log`);
  }
  /** Next's build cache, shared by successive builds (not kept in each release). */
  get buildCacheDir() {
    return path.join(this.root, "build-cache");
  }
  get liveFile() {
    return path.join(this.root, "live.json");
  }
  get failureFile() {
    return path.join(this.root, "last-failure.json");
  }
  get lockFile() {
    return path.join(this.root, "update.lock");
  }
  /** Next's server-actions key, shared by every release (lib/releases/update.ts). */
  get serverActionsKeyFile() {
    return path.join(this.root, "keys", "server-actions.key");
  }
  get controlSocket() {
    return path.join(this.root, "run", "control.sock");
  }

  /** Kept releases, newest build first. A folder without a valid release.json is not a release. */
  releases(): ReleaseInfo[] {
    if (!fs.existsSync(this.releasesDir)) return [];
    return fs
      .readdirSync(this.releasesDir)
      .flatMap((name) => {
        const info = readJson(path.join(this.releasesDir, name, "release.json"), releaseInfoSchema);
        return info && info.commit === name ? [info] : [];
      })
      .sort((a, b) => b.builtAt.localeCompare(a.builtAt));
  }

  release(commit: string): ReleaseInfo | undefined {
    return this.releases().find((release) => release.commit === commit);
  }

  live(): LiveRelease | undefined {
    return readJson(this.liveFile, liveReleaseSchema);
  }

  lastFailure(): ReleaseFailure | undefined {
    return readJson(this.failureFile, releaseFailureSchema);
  }

  writeLive(live: LiveRelease) {
    writeJsonAtomically(this.liveFile, live);
  }

  writeFailure(failure: ReleaseFailure) {
    writeJsonAtomically(this.failureFile, failure);
  }

  clearFailure() {
    fs.rmSync(this.failureFile, { force: true });
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

/** Written beside, then renamed: a reader never sees half a file, even if the machine stops mid-write. */
export function writeJsonAtomically(file: string, value: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(temporary, file);
}
