/**
 * `npm run site -- <command>`: publishing on one server (docs/deploy.md, "Releases").
 *
 *   update [--force]     fetch the branch; build, check and switch to a new commit (a timer runs this)
 *   rollback [commit]    switch back to a kept release (the one before the live one by default), without a build
 *   status               the kept releases, the live one, and the last update that failed
 *   serve                the long-running process systemd starts: serves the live release, switches on request
 *
 * Settings, from the environment (the service's env file): SITE_ROOT (where releases live, required); for update,
 * the same three the web editor publishes with, so a release builds exactly what the editor committed:
 * CONTENT_GIT_REPOSITORY (the checkout; default: the folder it is run in), CONTENT_GIT_BRANCH (default main) and
 * CONTENT_GIT_REMOTE (unset: the checkout's own branch, where the editor commits; set: that remote, where the
 * editor pushes and developers push); HOST and PORT for serve, like `npm start`. update and rollback refuse a
 * SITE_URL that is unset or names this computer (lib/releases/site-url.ts). Run it with the Node that serves the site.
 */
import path from "node:path";
import { z } from "zod";
import { serverEnvSchema } from "../lib/env";
import { short, SiteLayout } from "../lib/releases/layout";
import { rollbackTarget } from "../lib/releases/rollback";
import { releaseSiteUrlProblem } from "../lib/releases/site-url";
import { Supervisor } from "../lib/releases/supervisor";
import { switchTo, updateSite } from "../lib/releases/update";

const USAGE = "usage: npm run site -- update [--force] | rollback [commit] | status | serve";

const siteEnvSchema = z.object({
  SITE_ROOT: z.string({ error: "SITE_ROOT is not set: the folder where releases are kept, e.g. /srv/mocek-spine" }).min(1).refine(path.isAbsolute, {
    error: "SITE_ROOT must be an absolute path, e.g. /srv/mocek-spine",
  }),
  // The editor's own settings (lib/env.ts), one definition for both.
  CONTENT_GIT_REPOSITORY: serverEnvSchema.shape.CONTENT_GIT_REPOSITORY,
  CONTENT_GIT_BRANCH: serverEnvSchema.shape.CONTENT_GIT_BRANCH,
  // Unset, "." fetches the checkout's own branch: on one server without a remote, the editor's commits are there.
  CONTENT_GIT_REMOTE: serverEnvSchema.shape.CONTENT_GIT_REMOTE.transform((remote) => remote ?? "."),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

const say = (line: string) => console.log(`[site] ${line}`);

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const parsed = siteEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    return 2;
  }
  const env = parsed.data;
  const layout = new SiteLayout(env.SITE_ROOT);
  // A release carries SITE_URL in every link it prints (read at build time): never build or switch to one that
  // would point at this computer.
  const siteUrlProblem = command === "update" || command === "rollback" ? releaseSiteUrlProblem(process.env.SITE_URL) : undefined;
  if (siteUrlProblem) {
    console.error(`[site] ${siteUrlProblem}`);
    return 1;
  }
  switch (command) {
    case "update": {
      const result = await updateSite({
        layout,
        repository: env.CONTENT_GIT_REPOSITORY ?? process.cwd(),
        remote: env.CONTENT_GIT_REMOTE,
        branch: env.CONTENT_GIT_BRANCH,
        force: args.includes("--force"),
        say,
      });
      return result.outcome === "failed" ? 1 : 0;
    }
    case "rollback": {
      const target = rollbackTarget(layout, args[0]);
      if ("error" in target) {
        console.error(target.error);
        return 1;
      }
      say(`rolling back to ${short(target.commit)}`);
      return (await switchTo(layout, target.commit, say)).outcome === "failed" ? 1 : 0;
    }
    case "status":
      console.log(formatStatus(layout));
      return 0;
    case "serve": {
      const supervisor = new Supervisor({ layout, host: env.HOST, port: env.PORT, say });
      await supervisor.start();
      say(`serving on http://${env.HOST}:${env.PORT}`);
      await new Promise<void>((resolve) => {
        for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void supervisor.stop().then(resolve));
      });
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

function formatStatus(layout: SiteLayout): string {
  const live = layout.live();
  const lines = [`Releases in ${layout.releasesDir}:`];
  const releases = layout.releases();
  if (releases.length === 0) lines.push("  (none yet: run npm run site -- update)");
  for (const release of releases) {
    const marker = release.commit === live?.commit ? `live since ${live.since}` : "kept";
    lines.push(`  ${short(release.commit)}  ${release.committedAt}  ${marker.padEnd(36)}  ${release.subject}`);
  }
  const failure = layout.lastFailure();
  lines.push("", failure ? `Last failed update: ${short(failure.commit)} at ${failure.at}, ${failure.stage}:\n${failure.message}` : "No failed update since the last one that went live.");
  return lines.join("\n");
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[site] ${(error as Error).message}`);
    process.exit(1);
  },
);
