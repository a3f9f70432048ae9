/**
 * Backups of the SQLite store, and where they go. SQLite only, and deliberately not a method of AppointmentStore:
 * a PostgreSQL database is backed up with its own tools (pg_dump), run with the database's credentials, not
 * through the app (README, "Backups").
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { writeNewPrivateFileWith } from "@/lib/private-file";
import { generatedKeyPath } from "./key";
import { MissingDatabaseError } from "./sqlite-store";

/**
 * DATA_DIR/backups/appointments-2026-12-01T101500Z.sqlite: beside the database's folder and apart from the
 * generated key's (DATA_DIR/keys), so the backups folder can be copied elsewhere without the key.
 */
export function defaultBackupFile(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/:/g, "").replace(/\.\d+Z$/, "Z");
  return path.join(/* turbopackIgnore: true */ dataDir, "backups", `appointments-${stamp}.sqlite`);
}

/** A warning when a backup would sit with the generated key: whoever has both can read every request. */
export function backupBesideKeyWarning(backupFile: string, dataDir: string): string | undefined {
  const keysFolder = path.resolve(path.dirname(generatedKeyPath(dataDir)));
  const folder = path.resolve(path.dirname(backupFile));
  const real = (dir: string) => (fs.existsSync(dir) ? fs.realpathSync(dir) : dir);
  if (real(folder) === real(keysFolder) || real(folder).startsWith(real(keysFolder) + path.sep)) {
    return (
      `${backupFile} is inside the key folder ${keysFolder}. A backup kept with its key can be read by anyone who ` +
      "gets both: keep backups elsewhere (the default is DATA_DIR/backups) and copy the key separately."
    );
  }
  return undefined;
}

/**
 * A consistent copy of the live database, taken while the server runs (SQLite's online backup, which restarts if
 * the server writes mid-copy); never a file copy, which would miss what is still in the -wal file. The copy is a
 * single self-contained file (journal mode DELETE), checked with `PRAGMA integrity_check` before it appears,
 * written only as a new file with mode 0600.
 */
export async function backupSqliteDatabase(databaseFile: string, destination: string): Promise<{ requests: number; notifications: number }> {
  if (!fs.existsSync(databaseFile)) {
    throw new MissingDatabaseError(`There is no appointment database at ${databaseFile}: nothing to back up. Check DATA_DIR.`);
  }
  const source = new Database(databaseFile, { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  let counts = { requests: 0, notifications: 0 };
  try {
    await writeNewPrivateFileWith(destination, async (copyFile) => {
      await source.backup(copyFile);
      const copy = new Database(copyFile, { fileMustExist: true });
      try {
        copy.pragma("journal_mode = DELETE");
        const integrity = copy.pragma("integrity_check", { simple: true });
        if (integrity !== "ok") throw new Error(`The backup failed its integrity check (${String(integrity)}); nothing was written.`);
        const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
        counts = { requests: count("appointment_requests"), notifications: count("outbox") };
      } finally {
        copy.close();
      }
    });
  } finally {
    source.close();
  }
  return counts;
}
