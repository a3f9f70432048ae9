// @vitest-environment node
/**
 * The release path with real processes: a throwaway git repository holding this project, `npm run site -- update`
 * building real releases, the supervisor serving them on a real port, and a client that keeps asking for pages,
 * health and the appointment form the whole time. Slow by nature (each release is a real build), so it runs in
 * `npm test` through `npm run test:releases`, not in the unit suite. The steps run in order, each on the releases
 * the one before it made.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "@/lib/appointments/sqlite-store";
import { kyselyPublishingStore } from "@/lib/publishing/kysely-store";
import { createPublishingService } from "@/lib/publishing/service";
import { SiteLayout } from "@/lib/releases/layout";
import { createReleaseSandbox, editFile, type ReleaseSandbox } from "../../scripts/lib/release-sandbox";

let sandbox: ReleaseSandbox;

beforeAll(async () => {
  sandbox = await createReleaseSandbox();
}, 300_000);

afterAll(async () => {
  // The supervisor's own account of each switch, for the record (and for a failure's diagnosis).
  console.log(sandbox?.supervisorLog());
  await sandbox?.cleanup();
}, 120_000);

const liveCommit = async () => (await sandbox.health()).release.commit;
const layout = () => new SiteLayout(sandbox.siteRoot);

describe("releases on one server", { timeout: 900_000 }, () => {
  let first: string;
  let second: string;

  it("builds the first release, and the supervisor serves it with its commit in /api/health and the page source", async () => {
    first = sandbox.head();
    const update = await sandbox.site("update");
    expect(update.output).toContain("it will serve this release when it starts");
    expect(update.code).toBe(0);
    sandbox.startSupervisor();
    await expect.poll(() => liveCommit().catch(() => undefined), { timeout: 120_000 }).toBe(first);
    const html = await (await fetch(`${sandbox.siteUrl}/mild-procedure`)).text();
    expect(html).toContain(`<meta name="generator" content="Mocek Spine website, commit ${first}`);
  });

  it("switches to a new commit while patients use the site: no request fails, every confirmed request is stored once", async () => {
    second = sandbox.commit("Plainer words on the FAQ page", editFile("content/faq.mdx", (text) => `${text}\nWe are glad to answer your questions.\n`));
    const traffic = sandbox.startTraffic();
    const update = await sandbox.site("update");
    // A few more requests on the new release, while the old one finishes its own and exits.
    await expect.poll(() => traffic.confirmed.length, { timeout: 60_000 }).toBeGreaterThan(traffic.confirmed.length + 4);
    const { failures, confirmed, posted, requests } = await traffic.stop();
    console.log(`switch under load: ${requests} requests, ${posted} form posts, ${failures.length} failed`);
    expect(update.output).toContain("is live");
    expect(update.code).toBe(0);
    expect(failures).toEqual([]);
    expect(confirmed.length).toBe(posted);
    expect(await liveCommit()).toBe(second);
    const store = await openSqliteStore(path.join(sandbox.dataDir, "db", "appointments.sqlite"));
    try {
      const stored = (await store.listRequests()).map((request) => request.reference);
      expect(stored.filter((reference) => confirmed.includes(reference)).sort()).toEqual([...confirmed].sort());
      expect(new Set(stored).size).toBe(stored.length);
    } finally {
      await store.close();
    }
  });

  it("keeps the live release when a commit fails the content check, and records the check's file:line message", async () => {
    const broken = sandbox.commit("A link to a page that does not exist", editFile("content/faq.mdx", (text) => `${text}\nRead [more](/no-such-page).\n`));
    const update = await sandbox.site("update");
    expect(update.code).toBe(1);
    const failure = layout().lastFailure();
    expect(failure).toMatchObject({ commit: broken, stage: "content-check" });
    expect(failure!.message).toMatch(/^content\/faq\.mdx:\d+:\d+: .*\/no-such-page/m);
    expect(await liveCommit()).toBe(second);
    expect((await sandbox.site("status")).output).toContain("content-check");
  });

  it("keeps the live release when a commit breaks the build, and records the build's last lines", async () => {
    const broken = sandbox.commit("A component that does not compile", (root) => {
      editFile("content/faq.mdx", (text) => text.replace("\nRead [more](/no-such-page).\n", "\n"))(root);
      editFile("components/Wordmark.tsx", (text) => `${text}\nexport const broken = ;\n`)(root);
    });
    const update = await sandbox.site("update");
    expect(update.code).toBe(1);
    const failure = layout().lastFailure();
    expect(failure).toMatchObject({ commit: broken, stage: "build" });
    expect(failure!.message).toContain("Wordmark");
    expect(await liveCommit()).toBe(second);
  });

  it("puts the next good commit live, and rolls back to a kept release in seconds with no failed request", async () => {
    const fixed = sandbox.commit("The component compiles again", editFile("components/Wordmark.tsx", (text) => text.replace("\nexport const broken = ;\n", "")));
    // The timer and the editor's publish at the same moment: one builds, the other says so and stops.
    const updates = await Promise.all([sandbox.site("update"), sandbox.site("update")]);
    expect(updates.map((update) => update.code)).toEqual([0, 0]);
    expect(updates.filter((update) => update.output.includes("another update is running"))).toHaveLength(1);
    expect(await liveCommit()).toBe(fixed);
    expect(layout().lastFailure()).toBeUndefined();

    const traffic = sandbox.startTraffic();
    const started = performance.now();
    const rollback = await sandbox.site("rollback");
    const seconds = (performance.now() - started) / 1000;
    await expect.poll(() => traffic.confirmed.length, { timeout: 60_000 }).toBeGreaterThan(traffic.confirmed.length + 4);
    const { failures } = await traffic.stop();
    console.log(`rollback took ${seconds.toFixed(1)} s`);
    expect(rollback.code).toBe(0);
    expect(failures).toEqual([]);
    expect(seconds).toBeLessThan(10);
    expect(await liveCommit()).toBe(second);
    expect((await sandbox.site("status")).output).toMatch(new RegExp(`${second.slice(0, 7)} .*live since`));
  });

  it("keeps 3 releases, none holding data, keys, .env files or .git", () => {
    const releases = layout().releases();
    expect(releases.length).toBeLessThanOrEqual(3);
    for (const release of releases) {
      const folder = layout().releaseDir(release.commit);
      const found = execFileSync("find", [folder, "-name", "node_modules", "-prune", "-o", "(", "-name", ".git", "-o", "-name", ".env*", "-o", "-name", "*.sqlite*", "-o", "-name", "*.key", ")", "-print"], {
        encoding: "utf8",
      }).trim();
      expect(found).toBe("");
    }
  });

  it("serves a page published from the web editor: one commit in the repository the site updates from, then live", async () => {
    // The editor's service as the server makes it, committing straight into the repository `update` fetches from
    // (with plumbing: that checkout's files and index stay as they are).
    const store = await openSqliteStore(path.join(sandbox.work, "editor", "appointments.sqlite"));
    try {
      const service = createPublishingService({
        store: kyselyPublishingStore(store.authDatabase),
        audit: { store, ipHashKey: randomBytes(32) },
        repository: sandbox.origin,
        branch: "main",
        committer: { name: "Mocek Spine website", email: "website@clinic.example" },
        siteRoot: sandbox.siteRoot,
        servedCommit: liveCommit,
      });
      const editor = { userId: "editor", name: "Ana Ruiz", email: "ana@mocekspine.com", abilities: ["edit" as const] };
      const sentence = "This sentence was published from the web editor.";
      const { draft } = await service.openDraft("content/privacy.mdx", editor);
      const saved = await service.saveDraft({ path: draft.path, source: `${draft.source.trimEnd()}\n\n${sentence}\n`, baseVersion: draft.version }, editor);
      expect(saved).toMatchObject({ status: "saved", check: { errors: 0 } });
      const published = await service.publishDraft({ path: draft.path, version: saved.status === "saved" ? saved.version : -1, summary: "Privacy: one more sentence" }, editor);
      expect(published).toMatchObject({ status: "published" });
      const { commit } = published as { commit: string };
      expect(sandbox.head()).toBe(commit);
      expect(await service.publishStatus(commit)).toMatchObject({ state: "waiting" });

      const update = await sandbox.site("update");
      expect(update.code).toBe(0);
      expect(await liveCommit()).toBe(commit);
      expect(await service.publishStatus(commit)).toMatchObject({ state: "live", since: expect.any(String) });
      expect(await (await fetch(`${sandbox.siteUrl}/privacy`)).text()).toContain(sentence);
    } finally {
      await store.close();
    }
  });
});
