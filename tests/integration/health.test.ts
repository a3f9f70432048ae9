// @vitest-environment node
/**
 * GET /api/health: what an uptime monitor or load balancer sees. "ok" only when a request can be stored now: the
 * check writes, as a request does, against a real SQLite file (on a real full disk too) and a real PostgreSQL server.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, inject, it } from "vitest";
import { servedRelease } from "@/lib/release";
import { createHealthCheck } from "@/lib/appointments/health";
import { createAppointmentsRuntime } from "@/lib/appointments/runtime";
import { databasePath } from "@/lib/appointments/sqlite-store";
import type { AppointmentStore } from "@/lib/appointments/store";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { getContentPages } from "@/lib/content/pages";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { NON_CONTENT_PAGES, sitemapEntries } from "@/lib/seo/sitemap";
import { fillDisk, mountSmallDisk } from "@/tests/support/small-disk";
import { openTestPostgresStore, openTestSqliteStore, testTempDir, type Cleanups } from "@/tests/support/test-stores";

const PATIENT = { fullName: "Hale Monitorson", phone: "(501) 555-0177", bestTime: "morning", acknowledged: "on" };
const TOKEN = "health-token-for-tests-0123456789abcdef";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function quietLogs(): string[] {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(line) });
  cleanups.push(() => setLogDestination(undefined));
  return lines;
}

const tempDir = () => testTempDir(cleanups, "health-test");

/** The health check of `store`, asked fresh each time unless a clock is given. */
function healthOf(store: AppointmentStore, options: Parameters<typeof createHealthCheck>[1] = { cacheMs: 0 }) {
  return createHealthCheck(async () => store, options);
}

describe("GET /api/health", () => {
  it("answers anyone 200 ok, not cached, with no figures; the token holder also gets the outbox's counts", async () => {
    quietLogs();
    process.env.DATA_DIR = tempDir();
    process.env.OUTBOX_DRAIN_TOKEN = TOKEN;
    cleanups.push(async () => {
      const global = globalThis as { __appointmentsRuntime?: Promise<{ store: { close(): Promise<void> } }> };
      await (await global.__appointmentsRuntime)?.store.close();
      delete global.__appointmentsRuntime;
      delete process.env.DATA_DIR;
      delete process.env.OUTBOX_DRAIN_TOKEN;
    });
    const { GET } = await import("@/app/api/health/route");
    const ask = (authorization?: string) =>
      GET(new Request("http://localhost/api/health", { headers: authorization ? { authorization } : {} }));

    const empty = await ask();
    expect(empty.status).toBe(200);
    expect(empty.headers.get("cache-control")).toBe("no-store");
    // Besides the answer, only the commit served (lib/release.ts): public, and what the release supervisor waits for.
    expect(await empty.json()).toEqual({ status: "ok", canStoreRequests: true, release: servedRelease });

    // Notifications are off here, so the request's notification waits in the outbox.
    const { getAppointmentsRuntime } = await import("@/lib/appointments/runtime");
    await submitAppointmentRequest(await getAppointmentsRuntime(), PATIENT, { clientAddress: "192.0.2.1" });
    for (const stranger of [undefined, "Bearer wrong", `Bearer ${TOKEN}x`, TOKEN]) {
      expect(await (await ask(stranger)).json()).toEqual({ status: "ok", canStoreRequests: true, release: servedRelease });
    }
    const detailed = await ask(`Bearer ${TOKEN}`);
    expect(detailed.headers.get("cache-control")).toBe("no-store");
    const body = await detailed.text();
    expect(JSON.parse(body)).toEqual({ status: "ok", canStoreRequests: true, outbox: { pending: 1, unconfirmed: 0, dead: 0 }, release: servedRelease });
    expect(body).not.toMatch(/Hale|Monitorson|555|MS-/);
  });

  it("counts a notification given up on as dead, no longer pending", async () => {
    quietLogs();
    const runtime = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: tempDir() }));
    cleanups.push(() => runtime.store.close());
    await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "192.0.2.1" });
    await submitAppointmentRequest(runtime, { ...PATIENT, bestTime: "afternoon" }, { clientAddress: "192.0.2.1" });
    const [first] = await runtime.store.claimDueNotifications(new Date(Date.now() + 60_000).toISOString(), 1, new Date(Date.now() + 600_000).toISOString());
    await runtime.store.markNotificationFailed(first!.id, "ECONNREFUSED", null);
    expect(await healthOf(runtime.store)({ detailed: true })).toEqual({
      httpStatus: 200,
      report: { status: "ok", canStoreRequests: true, outbox: { pending: 1, unconfirmed: 0, dead: 1 } },
    });
  });

  it("answers 503 when the disk is full, as a patient's request then fails, and ok again once there is room", async () => {
    const logs = quietLogs();
    const dataDir = mountSmallDisk(cleanups, 2048);
    const runtime = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
    cleanups.push(() => runtime.store.close());
    let clock = 0;
    const check = healthOf(runtime.store, { cacheMs: 2000, now: () => clock });
    expect((await check({ detailed: false })).httpStatus).toBe(200);

    const makeRoom = fillDisk(dataDir);
    clock += 2000;
    expect(await check({ detailed: false })).toEqual({ httpStatus: 503, report: { status: "unavailable", canStoreRequests: false } });
    expect(await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "192.0.2.1" })).toEqual({ status: "unavailable" });
    const detailed = await check({ detailed: true });
    expect(detailed).toEqual({
      httpStatus: 503,
      report: { status: "unavailable", canStoreRequests: false, reason: "disk_full", outbox: { pending: 0, unconfirmed: 0, dead: 0 } },
    });
    const healthLogs = logs.filter((line) => line.includes('"health.'));
    expect(healthLogs.join("")).toMatch(/"event":"health.cannot_store_requests","problem":"disk_full","error":"SQLITE_FULL"/);
    expect(healthLogs.join("")).not.toContain(dataDir);

    makeRoom();
    // The answer is kept for a moment (a monitor polling every second writes once every two seconds at most).
    expect((await check({ detailed: false })).httpStatus).toBe(503);
    clock += 2000;
    expect((await check({ detailed: false })).httpStatus).toBe(200);
    expect(await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "192.0.2.1" })).toMatchObject({ status: "received" });
  });

  it("answers 503 when SQLite can read but no longer write", async () => {
    quietLogs();
    const store = await openTestSqliteStore(cleanups);
    expect((await healthOf(store)({ detailed: false })).httpStatus).toBe(200);
    // SQLite's own read-only mode for this connection: the SQLITE_READONLY a file it could only open read-only gives.
    await sql`PRAGMA query_only = ON`.execute(store.authDatabase.db);
    expect(await healthOf(store)({ detailed: true })).toEqual({
      httpStatus: 503,
      report: { status: "unavailable", canStoreRequests: false, reason: "read_only", outbox: { pending: 0, unconfirmed: 0, dead: 0 } },
    });
  });

  it("answers 503 when PostgreSQL can read but no longer write (a read-only database, a standby after failover)", async () => {
    const logs = quietLogs();
    const { store, url } = await openTestPostgresStore(cleanups, "health_read_only");
    expect((await healthOf(store)({ detailed: false })).httpStatus).toBe(200);
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    const database = new URL(url).pathname.slice(1);
    await admin.query(`ALTER DATABASE ${database} SET default_transaction_read_only = on`);
    // The setting applies to new connections: end the site's, as a failover would.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
    await admin.end();
    // The next check goes out once the pool has heard its connections close (it logs that), as in production.
    await expect.poll(() => logs.some((line) => line.includes("postgres.idle_connection_lost"))).toBe(true);
    expect(await healthOf(store)({ detailed: true })).toEqual({
      httpStatus: 503,
      report: { status: "unavailable", canStoreRequests: false, reason: "read_only", outbox: { pending: 0, unconfirmed: 0, dead: 0 } },
    });
  });

  it("answers 503 when the database cannot be opened, and logs only an error code", async () => {
    const logs = quietLogs();
    // A file where the data folder should be: the database cannot be created or opened.
    const notAFolder = path.join(tempDir(), "data");
    fs.writeFileSync(notAFolder, "");
    const check = createHealthCheck(async () => (await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: notAFolder }))).store);
    expect(await check({ detailed: true })).toEqual({
      httpStatus: 503,
      report: { status: "unavailable", canStoreRequests: false, reason: "database_unreachable" },
    });
    expect(logs.join("")).toMatch(/"event":"health.cannot_store_requests","problem":"database_unreachable","error":"[A-Z]+"/);
    expect(logs.join("")).not.toContain(notAFolder);
  });

  it("answers 503 when the database file is damaged", async () => {
    const logs = quietLogs();
    const dataDir = tempDir();
    fs.mkdirSync(path.dirname(databasePath(dataDir)), { recursive: true });
    fs.writeFileSync(databasePath(dataDir), "this is not a database ".repeat(200));
    const check = createHealthCheck(async () => (await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }))).store);
    expect((await check({ detailed: false })).httpStatus).toBe(503);
    expect(logs.join("")).toContain('"error":"SQLITE_NOTADB"');
  });

  it("is not in the sitemap", () => {
    const urls = sitemapEntries(getContentPages(), NON_CONTENT_PAGES, "https://www.example.com").map((entry) => entry.url);
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((url) => url.includes("/api/"))).toEqual([]);
  });
});
