// @vitest-environment node
/**
 * Backups of the SQLite database and the restore drill from README "Backups and restore", on real files.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";
import { openRequest } from "@/lib/appointments/requests";
import { createAppointmentsRuntime, type AppointmentsRuntime } from "@/lib/appointments/runtime";
import { backupBesideKeyWarning, backupSqliteDatabase, defaultBackupFile } from "@/lib/appointments/sqlite-backup";
import { databasePath } from "@/lib/appointments/sqlite-store";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { FileExistsError } from "@/lib/private-file";
import { setLogDestination } from "@/lib/log";
import { runStaffTool } from "@/tests/support/staff-tool";

const KEY = randomBytes(32).toString("base64");
const PATIENTS = [
  { fullName: "Ada Backupova", phone: "(501) 555-0101", bestTime: "morning", reason: "Back pain", acknowledged: "on" },
  { fullName: "Bo Restorsen", phone: "(501) 555-0102", email: "bo@example.com", bestTime: "afternoon", acknowledged: "on" },
  { fullName: "Cy Drillman", phone: "(501) 555-0103", bestTime: "any", reason: "Numb legs", acknowledged: "on" },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startRuntime(dataDir: string): Promise<AppointmentsRuntime> {
  setLogDestination({ write: () => undefined });
  const runtime = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir, APPOINTMENTS_KEY: KEY }));
  cleanups.push(async () => {
    await runtime.store.close();
    setLogDestination(undefined);
  });
  return runtime;
}

async function everythingReadable(runtime: AppointmentsRuntime) {
  const requests = (await runtime.store.listRequests()).map((stored) => openRequest(runtime.keys.encryption, stored));
  const notifications = await Promise.all(requests.map((request) => runtime.store.notificationStatus(request.reference)));
  return { requests, notifications, outbox: await runtime.store.outboxCounts() };
}

describe("backup and restore of the SQLite database", () => {
  it("restore drill: a backup taken while the server runs brings back every request, readable, and the outbox as it was", async () => {
    const dataDir = tempDir();
    const server = await startRuntime(dataDir);
    for (const [index, patient] of PATIENTS.entries()) {
      expect((await submitAppointmentRequest(server, patient, { clientAddress: `192.0.2.${index}` })).status).toBe("received");
    }
    const [sent, dead] = await server.store.claimDueNotifications(new Date(Date.now() + 60_000).toISOString(), 2, new Date(Date.now() + 600_000).toISOString());
    await server.store.markNotificationSent(sent!.id, new Date().toISOString());
    await server.store.markNotificationFailed(dead!.id, "ECONNREFUSED", null);
    await server.store.markHandled(sent!.reference, new Date().toISOString());
    // The last writes are still in the -wal file: a plain copy of appointments.sqlite would miss them.
    expect(fs.statSync(`${databasePath(dataDir)}-wal`).size).toBeGreaterThan(0);
    const before = await everythingReadable(server);
    expect(before.outbox).toEqual({ pending: 1, unconfirmed: 0, dead: 1 });

    const backupFile = path.join(tempDir(), "appointments-backup.sqlite");
    expect(await backupSqliteDatabase(databasePath(dataDir), backupFile)).toEqual({ requests: 3, notifications: 3 });
    // A request after the backup is not in it.
    await submitAppointmentRequest(server, { ...PATIENTS[0]!, bestTime: "any" }, { clientAddress: "192.0.2.9" });
    await server.store.close();

    // The disaster: the database is gone, its -wal and -shm files with it.
    fs.rmSync(path.dirname(databasePath(dataDir)), { recursive: true });
    // The restore, as README says: a new db folder, the backup copied in as appointments.sqlite.
    fs.mkdirSync(path.dirname(databasePath(dataDir)), { mode: 0o700 });
    fs.copyFileSync(backupFile, databasePath(dataDir));

    const restored = await startRuntime(dataDir);
    const after = await everythingReadable(restored);
    expect(after).toEqual(before);
    expect(after.requests.map((request) => request.fullName).sort()).toEqual(PATIENTS.map((patient) => patient.fullName).sort());
    expect(after.notifications.map((notification) => notification?.status).sort()).toEqual(["dead", "pending", "sent"]);
    // And the restored database takes new requests.
    expect((await submitAppointmentRequest(restored, { ...PATIENTS[1]!, bestTime: "morning" }, { clientAddress: "192.0.2.7" })).status).toBe(
      "received",
    );
  });

  it("writes one self-contained file, mode 0600, and leaves nothing half-written behind", async () => {
    const dataDir = tempDir();
    const server = await startRuntime(dataDir);
    await submitAppointmentRequest(server, PATIENTS[0]!, { clientAddress: "192.0.2.1" });
    const folder = tempDir();
    const backupFile = path.join(folder, "copy.sqlite");
    const umask = process.umask(0);
    try {
      await backupSqliteDatabase(databasePath(dataDir), backupFile);
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(folder)).toEqual(["copy.sqlite"]);
    const copy = new Database(backupFile, { readonly: true });
    cleanups.push(() => void copy.close());
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
  });

  it("never writes over an existing file or through a symlink", async () => {
    const dataDir = tempDir();
    await startRuntime(dataDir);
    const folder = tempDir();
    const existing = path.join(folder, "existing.sqlite");
    fs.writeFileSync(existing, "keep me");
    const target = path.join(folder, "elsewhere");
    const link = path.join(folder, "link.sqlite");
    fs.symlinkSync(target, link);
    await expect(backupSqliteDatabase(databasePath(dataDir), existing)).rejects.toThrow(FileExistsError);
    await expect(backupSqliteDatabase(databasePath(dataDir), link)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(folder).sort()).toEqual(["existing.sqlite", "link.sqlite"]);
  });

  it("keeps backups apart from the generated key by default, and warns about a backup put in the key folder", () => {
    const dataDir = tempDir();
    const file = defaultBackupFile(dataDir, new Date("2026-12-01T10:15:00.123Z"));
    expect(file).toBe(path.join(dataDir, "backups", "appointments-2026-12-01T101500Z.sqlite"));
    expect(backupBesideKeyWarning(file, dataDir)).toBeUndefined();
    expect(backupBesideKeyWarning(path.join(dataDir, "keys", "b.sqlite"), dataDir)).toMatch(/is inside the key folder/);
    expect(backupBesideKeyWarning(path.join(dataDir, "keys", "old", "b.sqlite"), dataDir)).toMatch(/is inside the key folder/);
  });

  it("npm run requests -- backup writes to DATA_DIR/backups while the key stays in DATA_DIR/keys", async () => {
    const dataDir = tempDir();
    setLogDestination({ write: () => undefined });
    const server = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
    await submitAppointmentRequest(server, PATIENTS[0]!, { clientAddress: "192.0.2.1" });
    await server.store.close();
    setLogDestination(undefined);
    const result = runStaffTool(["backup"], { DATA_DIR: dataDir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const [backup] = fs.readdirSync(path.join(dataDir, "backups"));
    expect(backup).toMatch(/^appointments-\d{4}-\d\d-\d\dT\d{6}Z\.sqlite$/);
    expect(result.stdout).toContain(`Backed up 1 request(s) and 1 notification(s) to ${path.join(dataDir, "backups", backup!)}`);
    expect(fs.readdirSync(path.join(dataDir, "keys"))).toEqual(["appointments.key"]);
  }, 60_000);
});
