// @vitest-environment node
/**
 * The staff tool (`npm run requests`) as staff run it: a child process against a real SQLite file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";
import { createAppointmentsRuntime } from "@/lib/appointments/runtime";
import { databasePath } from "@/lib/appointments/sqlite-store";
import { generatedKeyPath } from "@/lib/appointments/key";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { setLogDestination } from "@/lib/log";
import { runStaffTool } from "@/tests/support/staff-tool";

const PATIENT = { fullName: "Orla Pipewell", phone: "(501) 555-0142", bestTime: "morning", acknowledged: "on" };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "requests-cli-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A data folder with requests in it, written by the server's own code (with its generated key). */
async function dataDirWithRequests(count: number): Promise<string> {
  const dataDir = tempDir();
  setLogDestination({ write: () => undefined });
  const runtime = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
  for (let index = 0; index < count; index += 1) {
    await submitAppointmentRequest(runtime, { ...PATIENT, reason: `Visit ${index}` }, { clientAddress: `192.0.2.${index}` });
  }
  await runtime.store.close();
  setLogDestination(undefined);
  return dataDir;
}

describe("the staff tool (npm run requests)", () => {
  it("refuses a DATA_DIR with no database, says so, and creates neither a database nor a key", () => {
    const dataDir = tempDir();
    const { status, stdout, stderr } = runStaffTool(["list"], { DATA_DIR: dataDir });
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`There is no appointment database at ${databasePath(dataDir)}. Check DATA_DIR`);
    expect(stderr).not.toContain("No appointment requests.");
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 60_000);

  it("prints only requests on standard output, so the list can be piped; the key warning goes to standard error", async () => {
    const dataDir = await dataDirWithRequests(2);
    const { status, stdout, stderr } = runStaffTool(["list"], { DATA_DIR: dataDir });
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^MS-[A-Z0-9]{5}  \|  .*Orla Pipewell/);
    expect(stderr).toContain(`Warning: APPOINTMENTS_KEY is not set: patients' details are encrypted with the generated key in ${generatedKeyPath(dataDir)}`);
  }, 60_000);

  it("refuses, rather than making a new key, when the database exists but its generated key is gone", async () => {
    const dataDir = await dataDirWithRequests(1);
    fs.rmSync(generatedKeyPath(dataDir));
    const { status, stdout, stderr } = runStaffTool(["list"], { DATA_DIR: dataDir });
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("there is no generated key");
    expect(fs.existsSync(generatedKeyPath(dataDir))).toBe(false);
  }, 60_000);
});
