/**
 * The shared store: PostgreSQL (the `pg` driver through Kysely), for several servers on one database or a host
 * where no process stays up. Selected by DATABASE_URL. The queries are shared with SQLite (./kysely-store.ts);
 * here, transactions on the same key take turns through advisory locks, and outbox rows are claimed with
 * FOR UPDATE SKIP LOCKED, so two servers never send the same notification.
 */
import { Kysely, PostgresDialect, sql } from "kysely";
import { Pool } from "pg";
import { errorCode, logEvent } from "@/lib/log";
import { applyPublishingMigrations } from "@/lib/publishing/migrations";
import { applyMigrations, kyselyStore, type StoreDialect, type Tables } from "./kysely-store";
import type { AppointmentStore } from "./store";

const postgresDialect: StoreDialect = {
  migrationsFolder: "postgres",
  authType: "postgres",
  runScript: async (trx, script) => void (await sql.raw(script).execute(trx)),
  lockKey: async (trx, key) => void (await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)),
  skipLocked: (query) => query.forUpdate().skipLocked(),
  isDuplicateReference: (error) =>
    (error as { code?: unknown }).code === "23505" && (error as { constraint?: unknown }).constraint === "appointment_requests_reference_key",
};

export async function openPostgresStore(connectionString: string): Promise<AppointmentStore> {
  // A few connections per server: the form's work is short, and a small database allows about 100 in all.
  const pool = new Pool({ connectionString, max: 5 });
  // An idle connection the server closes (a restart, a failover) is an error on the pool; unheard, it would be an
  // uncaught exception that stops the site. The pool opens a new connection for the next query.
  pool.on("error", (error) => logEvent("warn", "postgres.idle_connection_lost", { error: errorCode(error) }));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await applyMigrations(db, postgresDialect);
    // The web editor's tables live on this connection too, with migrations of their own (lib/publishing/).
    await applyPublishingMigrations(db, "postgres");
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return kyselyStore(db, postgresDialect, () => db.destroy());
}
