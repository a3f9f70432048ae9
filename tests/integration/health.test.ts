// @vitest-environment node
/**
 * GET /api/health against a real SQLite file: what an uptime monitor sees.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/appointments/health";
import { createAppointmentsRuntime } from "@/lib/appointments/runtime";
import { databasePath } from "@/lib/appointments/sqlite-store";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { getContentPages } from "@/lib/content/pages";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { NON_CONTENT_PAGES, sitemapEntries } from "@/lib/seo/sitemap";

const PATIENT = { fullName: "Hale Monitorson", phone: "(501) 555-0177", bestTime: "morning", acknowledged: "on" };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function quietLogs(): string[] {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(line) });
  cleanups.push(() => setLogDestination(undefined));
  return lines;
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "health-test-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("GET /api/health", () => {
  it("answers 200, not cached, with the database reachable and the outbox's counts", async () => {
    quietLogs();
    const dataDir = tempDir();
    process.env.DATA_DIR = dataDir;
    cleanups.push(async () => {
      const global = globalThis as { __appointmentsRuntime?: Promise<{ store: { close(): Promise<void> } }> };
      await (await global.__appointmentsRuntime)?.store.close();
      delete global.__appointmentsRuntime;
      delete process.env.DATA_DIR;
    });
    const { GET } = await import("@/app/api/health/route");

    const empty = await GET();
    expect(empty.status).toBe(200);
    expect(empty.headers.get("cache-control")).toBe("no-store");
    expect(await empty.json()).toEqual({ status: "ok", database: "reachable", outbox: { pending: 0, dead: 0 } });

    // Notifications are off here, so the request's notification waits in the outbox.
    const { getAppointmentsRuntime } = await import("@/lib/appointments/runtime");
    await submitAppointmentRequest(await getAppointmentsRuntime(), PATIENT, { clientAddress: "192.0.2.1" });
    const body = await (await GET()).text();
    expect(JSON.parse(body)).toEqual({ status: "ok", database: "reachable", outbox: { pending: 1, dead: 0 } });
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
    expect(await checkHealth(async () => runtime.store)).toEqual({
      httpStatus: 200,
      report: { status: "ok", database: "reachable", outbox: { pending: 1, dead: 1 } },
    });
  });

  it("answers 503 when the database cannot be opened, and logs only an error code", async () => {
    const logs = quietLogs();
    // A file where the data folder should be: the database cannot be created or opened.
    const notAFolder = path.join(tempDir(), "data");
    fs.writeFileSync(notAFolder, "");
    const result = await checkHealth(async () => (await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: notAFolder }))).store);
    expect(result).toEqual({ httpStatus: 503, report: { status: "unavailable", database: "unreachable" } });
    expect(logs.join("")).toMatch(/"event":"health.database_unreachable","error":"[A-Z]+"/);
  });

  it("answers 503 when the database file is damaged", async () => {
    const logs = quietLogs();
    const dataDir = tempDir();
    fs.mkdirSync(path.dirname(databasePath(dataDir)), { recursive: true });
    fs.writeFileSync(databasePath(dataDir), "this is not a database ".repeat(200));
    const result = await checkHealth(async () => (await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }))).store);
    expect(result.httpStatus).toBe(503);
    expect(logs.join("")).toContain('"error":"SQLITE_NOTADB"');
  });

  it("is not in the sitemap", () => {
    const urls = sitemapEntries(getContentPages(), NON_CONTENT_PAGES, "https://www.example.com").map((entry) => entry.url);
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((url) => url.includes("/api/"))).toEqual([]);
  });
});
