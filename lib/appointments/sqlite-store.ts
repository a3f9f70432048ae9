/**
 * The SQLite store (better-sqlite3 through Kysely). Durability first: WAL, synchronous=FULL, a busy timeout,
 * and migrations from lib/appointments/migrations applied in order at start.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, type Generated, type Selectable } from "kysely";
import type { BestTime } from "./fields";
import { DuplicateReferenceError, type AppointmentStore, type StoredRequest } from "./store";

interface Tables {
  appointment_requests: {
    id: string;
    reference: string;
    created_at: string;
    best_time: BestTime;
    full_name_sealed: string;
    phone_sealed: string;
    email_sealed: string | null;
    reason_sealed: string | null;
    handled_at: string | null;
  };
  outbox: {
    id: Generated<number>;
    request_id: string;
    message_id: string;
    status: Generated<"pending" | "sent" | "dead">;
    attempts: Generated<number>;
    next_attempt_at: string;
    last_error: string | null;
    sent_at: string | null;
  };
  rate_limit_hits: { ip_hash: string; at_ms: number };
  recent_submissions: { fingerprint: string; request_id: string; created_at: string };
  schema_migrations: { name: string; applied_at: string };
}

const MIGRATIONS_DIR = path.join(process.cwd(), "lib", "appointments", "migrations");

export function databasePath(dataDir: string): string {
  // Data the server writes at run time, not a file of the app: the build must not trace (and ship) it.
  return path.join(/* turbopackIgnore: true */ dataDir, "db", "appointments.sqlite");
}

function applyMigrations(connection: Database.Database) {
  connection.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(
    connection.prepare("SELECT name FROM schema_migrations").all().map((row) => (row as { name: string }).name),
  );
  const pending = fs.readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith(".sql") && !applied.has(name)).sort();
  for (const name of pending) {
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name), "utf8");
    connection.transaction(() => {
      connection.exec(sql);
      connection.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(name, new Date().toISOString());
    })();
  }
}

function toStoredRequest(row: Selectable<Tables["appointment_requests"]>): StoredRequest {
  return {
    id: row.id,
    reference: row.reference,
    createdAt: row.created_at,
    bestTime: row.best_time,
    fullNameSealed: row.full_name_sealed,
    phoneSealed: row.phone_sealed,
    emailSealed: row.email_sealed,
    reasonSealed: row.reason_sealed,
    handledAt: row.handled_at,
  };
}

async function findRecentSubmission(db: Kysely<Tables>, fingerprint: string, sinceIso: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("recent_submissions")
    .innerJoin("appointment_requests", "appointment_requests.id", "recent_submissions.request_id")
    .select("appointment_requests.reference")
    .where("recent_submissions.fingerprint", "=", fingerprint)
    .where("recent_submissions.created_at", ">=", sinceIso)
    .executeTakeFirst();
  return row?.reference;
}

/** There is no database where one should be; tools that only read never create one. */
export class MissingDatabaseError extends Error {}

/**
 * Opens (and migrates) the database. `mustExist`: for the staff tool, which must never create an empty database
 * beside the real one (a wrong DATA_DIR would otherwise print "No appointment requests." and look fine).
 */
export function openSqliteStore(file: string, { mustExist = false }: { mustExist?: boolean } = {}): AppointmentStore {
  if (mustExist && !fs.existsSync(file)) {
    throw new MissingDatabaseError(
      `There is no appointment database at ${file}. Check DATA_DIR: it must be the folder the server uses ` +
        "(the database is DATA_DIR/db/appointments.sqlite). This tool never creates a database.",
    );
  }
  if (!mustExist) fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const connection = new Database(file, { fileMustExist: mustExist });
  connection.pragma("journal_mode = WAL");
  // FULL: a request reported as received survives a power cut, not only a crash.
  connection.pragma("synchronous = FULL");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
  // A purged request is overwritten on disk, not left in a free page for whoever has the file and the key.
  connection.pragma("secure_delete = ON");
  applyMigrations(connection);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }) });

  return {
    async insertRequestWithNotification(request, messageId, { fingerprint, duplicateSinceIso }) {
      try {
        return await db.transaction().execute(async (trx) => {
          // Inside the transaction: two identical submissions at the same moment store one request.
          const earlier = await findRecentSubmission(trx, fingerprint, duplicateSinceIso);
          if (earlier) return { reference: earlier, duplicate: true };
          await trx.deleteFrom("recent_submissions").where("created_at", "<", duplicateSinceIso).execute();
          await trx
            .insertInto("appointment_requests")
            .values({
              id: request.id,
              reference: request.reference,
              created_at: request.createdAt,
              best_time: request.bestTime,
              full_name_sealed: request.fullNameSealed,
              phone_sealed: request.phoneSealed,
              email_sealed: request.emailSealed,
              reason_sealed: request.reasonSealed,
              handled_at: null,
            })
            .execute();
          await trx
            .insertInto("outbox")
            .values({ request_id: request.id, message_id: messageId, next_attempt_at: request.createdAt, last_error: null, sent_at: null })
            .execute();
          await trx
            .insertInto("recent_submissions")
            .values({ fingerprint, request_id: request.id, created_at: request.createdAt })
            .onConflict((conflict) => conflict.column("fingerprint").doUpdateSet({ request_id: request.id, created_at: request.createdAt }))
            .execute();
          return { reference: request.reference, duplicate: false };
        });
      } catch (error) {
        if (/UNIQUE constraint failed: appointment_requests\.reference/.test(String(error))) {
          throw new DuplicateReferenceError(request.reference);
        }
        throw error;
      }
    },

    async findRecentSubmission(fingerprint, sinceIso) {
      return findRecentSubmission(db, fingerprint, sinceIso);
    },

    async recordRateLimitHit(ipHash, nowMs, windowMs, max) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom("rate_limit_hits").where("at_ms", "<=", nowMs - windowMs).execute();
        const { hits } = await trx
          .selectFrom("rate_limit_hits")
          .select((eb) => eb.fn.countAll<number>().as("hits"))
          .where("ip_hash", "=", ipHash)
          .executeTakeFirstOrThrow();
        if (Number(hits) >= max) return false;
        await trx.insertInto("rate_limit_hits").values({ ip_hash: ipHash, at_ms: nowMs }).execute();
        return true;
      });
    },

    async dueNotifications(nowIso, limit) {
      const rows = await db
        .selectFrom("outbox")
        .innerJoin("appointment_requests", "appointment_requests.id", "outbox.request_id")
        .select([
          "outbox.id",
          "outbox.message_id",
          "outbox.attempts",
          "appointment_requests.reference",
          "appointment_requests.created_at",
        ])
        .where("outbox.status", "=", "pending")
        .where("outbox.next_attempt_at", "<=", nowIso)
        .orderBy("outbox.id")
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        messageId: row.message_id,
        attempts: row.attempts,
        reference: row.reference,
        createdAt: row.created_at,
      }));
    },

    async markNotificationSent(id, sentAtIso) {
      await db.updateTable("outbox").set({ status: "sent", sent_at: sentAtIso, last_error: null }).where("id", "=", id).execute();
    },

    async markNotificationFailed(id, error, nextAttemptAtIso) {
      await db
        .updateTable("outbox")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          last_error: error.slice(0, 500),
          status: nextAttemptAtIso === null ? "dead" : "pending",
          ...(nextAttemptAtIso === null ? {} : { next_attempt_at: nextAttemptAtIso }),
        }))
        .where("id", "=", id)
        .execute();
    },

    async listRequests() {
      const rows = await db.selectFrom("appointment_requests").selectAll().orderBy("created_at", "desc").execute();
      return rows.map(toStoredRequest);
    },

    async findRequest(reference) {
      const row = await db.selectFrom("appointment_requests").selectAll().where("reference", "=", reference).executeTakeFirst();
      return row && toStoredRequest(row);
    },

    async markHandled(reference, handledAtIso) {
      const result = await db
        .updateTable("appointment_requests")
        .set({ handled_at: handledAtIso })
        .where("reference", "=", reference)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async purgeRequestsOlderThan(cutoffIso) {
      const result = await db.deleteFrom("appointment_requests").where("created_at", "<", cutoffIso).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async notificationStatus(reference) {
      return db
        .selectFrom("outbox")
        .innerJoin("appointment_requests", "appointment_requests.id", "outbox.request_id")
        .select(["outbox.status", "outbox.attempts"])
        .where("appointment_requests.reference", "=", reference)
        .executeTakeFirst();
    },

    async outboxCounts() {
      const rows = await db
        .selectFrom("outbox")
        .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
        .where("status", "in", ["pending", "dead"])
        .groupBy("status")
        .execute();
      const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
      return { pending: count("pending"), dead: count("dead") };
    },

    async resealRequests(reseal, batchSize) {
      let rewritten = 0;
      let afterId = "";
      for (;;) {
        const batch = await db.transaction().execute(async (trx) => {
          const rows = await trx
            .selectFrom("appointment_requests")
            .selectAll()
            .where("id", ">", afterId)
            .orderBy("id")
            .limit(batchSize)
            .execute();
          for (const row of rows) {
            const sealed = reseal(toStoredRequest(row));
            if (!sealed) continue;
            await trx
              .updateTable("appointment_requests")
              .set({
                full_name_sealed: sealed.fullNameSealed,
                phone_sealed: sealed.phoneSealed,
                email_sealed: sealed.emailSealed,
                reason_sealed: sealed.reasonSealed,
              })
              .where("id", "=", row.id)
              .execute();
            rewritten += 1;
          }
          return rows;
        });
        if (batch.length < batchSize) return rewritten;
        afterId = batch[batch.length - 1]!.id;
      }
    },

    async close() {
      await db.destroy();
    },
  };
}
