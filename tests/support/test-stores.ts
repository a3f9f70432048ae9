/**
 * The two stores as tests open them: SQLite in a temporary folder, PostgreSQL as a fresh database on the run's
 * throwaway server (tests/support/postgres-global-setup.ts). Each registers its own clean-up in `cleanups`, which
 * the test file runs after each test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openPostgresStore } from "@/lib/appointments/postgres-store";
import { databasePath, openSqliteStore } from "@/lib/appointments/sqlite-store";
import type { AppointmentStore } from "@/lib/appointments/store";
import { createTestDatabase } from "../../scripts/lib/throwaway-postgres";

export type Cleanups = (() => Promise<void> | void)[];

/** A new empty folder, removed after the test. */
export function testTempDir(cleanups: Cleanups, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function openTestSqliteStore(cleanups: Cleanups): Promise<AppointmentStore> {
  const store = await openSqliteStore(databasePath(testTempDir(cleanups, "store-test")));
  cleanups.push(() => store.close());
  return store;
}

/** A store on a database of its own; `url` opens more stores on it, as more servers would. */
export async function openTestPostgresStore(cleanups: Cleanups, label: string): Promise<{ store: AppointmentStore; url: string }> {
  const database = await createTestDatabase(inject("postgresUrl"), label);
  cleanups.push(database.drop);
  const store = await openPostgresStore(database.url);
  cleanups.push(() => store.close());
  return { store, url: database.url };
}
