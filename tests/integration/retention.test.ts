// @vitest-environment node
/**
 * RETENTION_DAYS on a real SQLite file: old requests go, by themselves, and the log says how many, not which.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAppointmentsRuntime } from "@/lib/appointments/runtime";
import { purgeExpiredRequests } from "@/lib/appointments/retention";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { runStaffTool } from "@/tests/support/staff-tool";

const PATIENT = { fullName: "Petra Oldfield", phone: "(501) 555-0133", bestTime: "morning", acknowledged: "on" };
const DAY_MS = 86_400_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function captureLogs(): string[] {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(line) });
  cleanups.push(() => setLogDestination(undefined));
  return lines;
}

/** A data folder with requests received 100, 40 and 2 days ago. */
async function dataDirWithAgedRequests(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "retention-test-"));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const runtime = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
  for (const [index, daysAgo] of [100, 40, 2].entries()) {
    const now = new Date(Date.now() - daysAgo * DAY_MS);
    await submitAppointmentRequest(runtime, { ...PATIENT, reason: `${daysAgo} days ago` }, { clientAddress: `192.0.2.${index}`, now });
  }
  await runtime.store.close();
  return dataDir;
}

describe("RETENTION_DAYS", () => {
  it("deletes requests older than RETENTION_DAYS, with their notifications, when the server starts, and logs only the count", async () => {
    const logs = captureLogs();
    const dataDir = await dataDirWithAgedRequests();
    const server = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir, RETENTION_DAYS: "30" }));
    cleanups.push(async () => {
      server.retention?.stop();
      await server.store.close();
    });
    await expect.poll(async () => (await server.store.listRequests()).length).toBe(1);
    expect(await server.store.outboxCounts()).toEqual({ pending: 1, unconfirmed: 0, dead: 0 });
    const purged = logs.filter((line) => line.includes("appointments.retention_purged"));
    expect(purged).toHaveLength(1);
    expect(JSON.parse(purged[0]!)).toMatchObject({ level: "info", count: 2, retentionDays: 30 });
    expect(purged[0]).not.toMatch(/Petra|555|MS-/);
  });

  it("keeps every request when RETENTION_DAYS is unset", async () => {
    captureLogs();
    const dataDir = await dataDirWithAgedRequests();
    const server = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
    cleanups.push(() => server.store.close());
    expect(server.retention).toBeUndefined();
    expect(await server.store.listRequests()).toHaveLength(3);
  });

  it("purges again as time passes, for a server that runs for weeks", async () => {
    captureLogs();
    const dataDir = await dataDirWithAgedRequests();
    const server = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
    cleanups.push(() => server.store.close());
    expect(await purgeExpiredRequests(server.store, 30)).toBe(2);
    expect(await purgeExpiredRequests(server.store, 30, new Date(Date.now() + 29 * DAY_MS))).toBe(1);
    expect(await server.store.listRequests()).toEqual([]);
  });

  it("npm run requests -- purge --expired does the same from cron, where no server runs for long", async () => {
    captureLogs();
    const dataDir = await dataDirWithAgedRequests();
    const run = (env: Record<string, string>) => runStaffTool(["purge", "--expired"], { DATA_DIR: dataDir, ...env });
    const unset = run({});
    expect(unset.status).toBe(2);
    expect(unset.stderr).toContain("RETENTION_DAYS is not set");
    const purge = run({ RETENTION_DAYS: "30" });
    expect(purge.status).toBe(0);
    expect(purge.stdout).toBe("Deleted 2 request(s) older than 30 days (RETENTION_DAYS).\n");
    expect(purge.stderr).toContain('"event":"appointments.retention_purged"');
  }, 60_000);
});
