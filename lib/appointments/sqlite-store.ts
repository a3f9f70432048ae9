/**
 * The embedded store: SQLite in DATA_DIR (better-sqlite3 through Kysely), for one server with a local disk.
 * Durability first: WAL, synchronous=FULL and a busy timeout. The queries are shared with PostgreSQL
 * (./kysely-store.ts); one connection runs one transaction at a time, so no lock is needed beyond SQLite's own.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection } from "kysely";
import { applyPublishingMigrations } from "@/lib/publishing/migrations";
import { applyMigrations, kyselyStore, type StoreDialect, type Tables } from "./kysely-store";
import type { AppointmentStore } from "./store";

export function databasePath(dataDir: string): string {
  // Data the server writes at run time, not a file of the app: the build must not trace (and ship) it.
  return path.join(/* turbopackIgnore: true */ dataDir, "db", "appointments.sqlite");
}

/**
 * Transactions that take the write lock when they begin (BEGIN IMMEDIATE), waiting for it up to the busy timeout.
 * A plain BEGIN reads first and asks for the lock at its first write; if another process (the staff tool, a second
 * server on the same file) wrote in between, SQLite refuses at once with "database is locked", whatever the timeout.
 */
class ImmediateTransactionsDriver extends SqliteDriver {
  constructor(private readonly database: Database.Database) {
    super({ database });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  /**
   * After some errors (a full disk, SQLITE_FULL; an I/O error) SQLite has already rolled the transaction back: a
   * second ROLLBACK would fail with "cannot rollback - no transaction is active" and hide the error that says why.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.database.inTransaction) await super.rollbackTransaction(connection);
  }
}

class ImmediateTransactionsDialect extends SqliteDialect {
  constructor(private readonly database: Database.Database) {
    super({ database });
  }

  override createDriver() {
    return new ImmediateTransactionsDriver(this.database);
  }
}

function sqliteDialect(connection: Database.Database): StoreDialect {
  return {
    migrationsFolder: "sqlite",
    authType: "sqlite",
    // better-sqlite3 prepares one statement at a time; a migration file has several.
    runScript: async (_trx, script) => void connection.exec(script),
    lockKey: async () => {},
    skipLocked: (query) => query,
    isDuplicateReference: (error) => /UNIQUE constraint failed: appointment_requests\.reference/.test(String(error)),
  };
}

/** There is no database where one should be; tools that only read never create one. */
export class MissingDatabaseError extends Error {}

/**
 * Opens (and migrates) the database. `mustExist`: for the staff tool, which must never create an empty database
 * beside the real one (a wrong DATA_DIR would otherwise print "No appointment requests." and look fine).
 */
export async function openSqliteStore(file: string, { mustExist = false }: { mustExist?: boolean } = {}): Promise<AppointmentStore> {
  if (mustExist && !fs.existsSync(file)) {
    throw new MissingDatabaseError(
      `There is no appointment database at ${file}. Check DATA_DIR: it must be the folder the server uses ` +
        "(the database is DATA_DIR/db/appointments.sqlite). This tool never creates a database.",
    );
  }
  if (!mustExist) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Readable by the server's account only, even in a folder someone else made: SQLite gives its -wal and -shm
    // files the database file's mode.
    fs.closeSync(fs.openSync(file, "a", 0o600));
    fs.chmodSync(file, 0o600);
  }
  const connection = new Database(file, { fileMustExist: mustExist });
  connection.pragma("journal_mode = WAL");
  // FULL: a request reported as received survives a power cut, not only a crash.
  connection.pragma("synchronous = FULL");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
  // A purged request is overwritten on disk, not left in a free page for whoever has the file and the key.
  connection.pragma("secure_delete = ON");
  const db = new Kysely<Tables>({ dialect: new ImmediateTransactionsDialect(connection) });
  const dialect = sqliteDialect(connection);
  await applyMigrations(db, dialect);
  // The web editor's tables live on this connection too, with migrations of their own (lib/publishing/).
  await applyPublishingMigrations(db, "sqlite");
  return kyselyStore(db, dialect, () => db.destroy());
}
