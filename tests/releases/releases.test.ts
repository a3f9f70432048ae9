// @vitest-environment node
/**
 * The release path with real processes: a throwaway git repository holding this project, `npm run site -- update`
 * building real releases, the supervisor serving them on a real port, and a client that keeps asking for pages,
 * health and the appointment form the whole time. Slow by nature (each release is a real build), so it runs in
 * `npm test` through `npm run test:releases`, not in the unit suite.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "@/lib/appointments/sqlite-store";
import { SiteLayout } from "@/lib/releases/layout";
import { formActionFields } from "../../scripts/lib/form-fields";
import { freePort } from "../../scripts/lib/free-port";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(PROJECT, "node_modules", ".bin", "tsx");

let work: string;
let origin: string;
let checkout: string;
let siteRoot: string;
let dataDir: string;
let port: number;
let siteUrl: string;
let supervisor: ChildProcess;
let supervisorLog = "";
const env = () => ({
  ...process.env,
  SITE_ROOT: siteRoot,
  SITE_URL: siteUrl,
  PORT: String(port),
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  APPOINTMENTS_KEY: randomKey,
  RATE_LIMIT_GLOBAL_MAX: "100000",
  NEXT_TELEMETRY_DISABLED: "1",
});
const randomKey = randomBytes(32).toString("base64");

function git(cwd: string, ...args: string[]) {
  return execFileSync("git", ["-c", "user.name=Release Test", "-c", "user.email=release-test@example.com", ...args], { cwd, encoding: "utf8" }).trim();
}

/** Commits a change in the origin repository; returns the new commit. */
function commit(message: string, change: (root: string) => void): string {
  change(origin);
  git(origin, "add", "-A");
  git(origin, "commit", "-q", "-m", message);
  return git(origin, "rev-parse", "HEAD");
}

function editFile(file: string, edit: (text: string) => string) {
  return (root: string) => fs.writeFileSync(path.join(root, file), edit(fs.readFileSync(path.join(root, file), "utf8")));
}

/** `npm run site -- …` as the timer or an operator runs it: in the checkout, with the service's settings. */
function site(...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join(PROJECT, "scripts", "site.ts"), ...args], { cwd: checkout, env: env() });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function health(): Promise<{ status: string; release: { commit: string } }> {
  const response = await fetch(`${siteUrl}/api/health`);
  return (await response.json()) as { status: string; release: { commit: string } };
}

/**
 * A steady client: `/`, a content page and `/api/health` every 20 ms, the appointment form every 500 ms (each from
 * its own address, as different patients). Every answer that is not what a patient should get is a failure.
 */
function startTraffic() {
  const failures: string[] = [];
  const confirmed: string[] = [];
  let running = true;
  let posted = 0;
  let requests = 0;
  const get = async (pathname: string) => {
    requests += 1;
    try {
      const response = await fetch(`${siteUrl}${pathname}`);
      await response.arrayBuffer();
      if (response.status !== 200) failures.push(`GET ${pathname}: ${response.status}`);
    } catch (error) {
      failures.push(`GET ${pathname}: ${(error as Error).cause ?? (error as Error).message}`);
    }
  };
  const post = async (index: number) => {
    try {
      const page = await (await fetch(`${siteUrl}/request-appointment`)).text();
      const form = new FormData();
      for (const [name, value] of formActionFields(page)) form.append(name, value);
      const fields = { fullName: `Release Patient ${index} ${randomBytes(3).toString("hex")}`, phone: "501 555 0142", bestTime: "any", acknowledged: "on" };
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      const address = `198.51.${Math.floor(index / 250)}.${index % 250}`;
      const response = await fetch(`${siteUrl}/request-appointment`, { method: "POST", body: form, headers: { Origin: siteUrl, "X-Forwarded-For": address } });
      const html = await response.text();
      const reference = /data-testid="reference">(MS-[A-Z0-9]{5})</.exec(html)?.[1];
      if (reference) confirmed.push(reference);
      else failures.push(`POST /request-appointment: ${response.status}, no reference`);
    } catch (error) {
      failures.push(`POST /request-appointment: ${(error as Error).cause ?? (error as Error).message}`);
    }
  };
  const loops = [
    (async () => {
      while (running) {
        await Promise.all([get("/"), get("/mild-procedure"), get("/api/health"), new Promise((resolve) => setTimeout(resolve, 20))]);
      }
    })(),
    (async () => {
      while (running) {
        await Promise.all([post(posted++), new Promise((resolve) => setTimeout(resolve, 500))]);
      }
    })(),
  ];
  return {
    failures,
    confirmed,
    async stop() {
      running = false;
      await Promise.all(loops);
      return { failures, confirmed, posted, requests: requests + posted };
    },
  };
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "mocek-releases-"));
  origin = path.join(work, "origin");
  checkout = path.join(work, "checkout");
  siteRoot = path.join(work, "site");
  dataDir = path.join(work, "data");
  port = await freePort();
  siteUrl = `http://127.0.0.1:${port}`;
  // The project as it is now, committed in a repository of the test's own.
  fs.mkdirSync(origin);
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(PROJECT, file))) continue;
    fs.mkdirSync(path.dirname(path.join(origin, file)), { recursive: true });
    fs.copyFileSync(path.join(PROJECT, file), path.join(origin, file));
  }
  git(origin, "init", "-q", "-b", "main");
  git(origin, "add", "-A");
  git(origin, "commit", "-q", "-m", "The site as it is");
  // The operator's checkout, with its npm ci done (here: the project's own node_modules, linked).
  git(work, "clone", "-q", origin, checkout);
  try {
    execFileSync("cp", ["-al", path.join(PROJECT, "node_modules"), path.join(checkout, "node_modules")]);
  } catch {
    execFileSync("cp", ["-a", path.join(PROJECT, "node_modules"), path.join(checkout, "node_modules")]);
  }
}, 300_000);

afterAll(async () => {
  // The supervisor's own account of each switch, for the record (and for a failure's diagnosis).
  console.log(supervisorLog);
  if (supervisor && supervisor.exitCode === null) {
    supervisor.kill("SIGTERM");
    await new Promise((resolve) => supervisor.once("exit", resolve));
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("releases on one server", { timeout: 900_000 }, () => {
  let first: string;
  let second: string;

  it("builds the first release, and the supervisor serves it with its commit in /api/health and the page source", async () => {
    first = git(origin, "rev-parse", "HEAD");
    const update = await site("update");
    expect(update.output).toContain("it will serve this release when it starts");
    expect(update.code).toBe(0);
    supervisor = spawn(TSX, [path.join(PROJECT, "scripts", "site.ts"), "serve"], { cwd: checkout, env: env() });
    supervisor.stdout!.on("data", (chunk) => (supervisorLog += chunk));
    supervisor.stderr!.on("data", (chunk) => (supervisorLog += chunk));
    await expect.poll(async () => (await health().catch(() => undefined))?.release.commit, { timeout: 120_000 }).toBe(first);
    const html = await (await fetch(`${siteUrl}/mild-procedure`)).text();
    expect(html).toContain(`<meta name="generator" content="Mocek Spine website, commit ${first}`);
  });

  it("switches to a new commit while patients use the site: no request fails, every confirmed request is stored once", async () => {
    second = commit("Plainer words on the FAQ page", editFile("content/faq.mdx", (text) => `${text}\nWe are glad to answer your questions.\n`));
    const traffic = startTraffic();
    const update = await site("update");
    // A few more seconds of traffic on the new release, and past the old one's exit.
    await expect.poll(() => traffic.confirmed.length, { timeout: 60_000 }).toBeGreaterThan(traffic.confirmed.length + 4);
    const { failures, confirmed, posted, requests } = await traffic.stop();
    console.log(`switch under load: ${requests} requests, ${posted} form posts, ${failures.length} failed`);
    expect(update.output).toContain("is live");
    expect(update.code).toBe(0);
    expect(failures).toEqual([]);
    expect(confirmed.length).toBe(posted);
    expect((await health()).release.commit).toBe(second);
    const store = await openSqliteStore(path.join(dataDir, "db", "appointments.sqlite"));
    try {
      const stored = (await store.listRequests()).map((request) => request.reference);
      expect(stored.filter((reference) => confirmed.includes(reference)).sort()).toEqual([...confirmed].sort());
      expect(new Set(stored).size).toBe(stored.length);
    } finally {
      await store.close();
    }
  });

  it("keeps the live release when a commit fails the content check, and records the check's file:line message", async () => {
    const broken = commit("A link to a page that does not exist", editFile("content/faq.mdx", (text) => `${text}\nRead [more](/no-such-page).\n`));
    const update = await site("update");
    expect(update.code).toBe(1);
    const failure = new SiteLayout(siteRoot).lastFailure();
    expect(failure).toMatchObject({ commit: broken, stage: "content-check" });
    expect(failure!.message).toMatch(/^content\/faq\.mdx:\d+:\d+: .*\/no-such-page/m);
    expect((await health()).release.commit).toBe(second);
    expect((await site("status")).output).toContain("content-check");
  });

  it("keeps the live release when a commit breaks the build, and records the build's last lines", async () => {
    const broken = commit("A component that does not compile", (root) => {
      editFile("content/faq.mdx", (text) => text.replace("\nRead [more](/no-such-page).\n", "\n"))(root);
      editFile("components/Wordmark.tsx", (text) => `${text}\nexport const broken = ;\n`)(root);
    });
    const update = await site("update");
    expect(update.code).toBe(1);
    const failure = new SiteLayout(siteRoot).lastFailure();
    expect(failure).toMatchObject({ commit: broken, stage: "build" });
    expect(failure!.message).toContain("Wordmark");
    expect((await health()).release.commit).toBe(second);
  });

  it("puts the next good commit live, and rolls back to a kept release in seconds with no failed request", async () => {
    const fixed = commit("The component compiles again", editFile("components/Wordmark.tsx", (text) => text.replace("\nexport const broken = ;\n", "")));
    // The timer and the editor's publish at the same moment: one builds, the other says so and stops.
    const updates = await Promise.all([site("update"), site("update")]);
    expect(updates.map((update) => update.code)).toEqual([0, 0]);
    expect(updates.filter((update) => update.output.includes("another update is running"))).toHaveLength(1);
    expect((await health()).release.commit).toBe(fixed);
    expect(new SiteLayout(siteRoot).lastFailure()).toBeUndefined();

    const traffic = startTraffic();
    const started = performance.now();
    const rollback = await site("rollback");
    const seconds = (performance.now() - started) / 1000;
    await expect.poll(() => traffic.confirmed.length, { timeout: 60_000 }).toBeGreaterThan(traffic.confirmed.length + 4);
    const { failures } = await traffic.stop();
    expect(rollback.code).toBe(0);
    expect(failures).toEqual([]);
    expect(seconds).toBeLessThan(10);
    expect((await health()).release.commit).toBe(second);
    expect((await site("status")).output).toMatch(new RegExp(`${second.slice(0, 7)} .*live since`));
    console.log(`rollback took ${seconds.toFixed(1)} s`);
  });

  it("keeps 3 releases, none holding data, keys, .env files or .git", () => {
    const layout = new SiteLayout(siteRoot);
    const releases = layout.releases();
    expect(releases.length).toBeLessThanOrEqual(3);
    for (const release of releases) {
      const folder = layout.releaseDir(release.commit);
      const found = execFileSync("find", [folder, "-name", "node_modules", "-prune", "-o", "(", "-name", ".git", "-o", "-name", ".env*", "-o", "-name", "*.sqlite*", "-o", "-name", "*.key", ")", "-print"], {
        encoding: "utf8",
      }).trim();
      expect(found).toBe("");
    }
  });
});
