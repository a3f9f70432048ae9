/**
 * The appointment store's queries, written once for both databases (Kysely writes them for SQLite or PostgreSQL).
 * What differs between the two lives in a `StoreDialect`: how a transaction waits for another working on the same
 * key, how rows are claimed without two servers taking the same, how a duplicate key shows up in an error, and how
 * a migration file is run. sqlite-store.ts and postgres-store.ts each open a connection and supply one.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql, type Generated, type Kysely, type Selectable, type SelectQueryBuilder, type Transaction } from "kysely";
import type { BestTime } from "./fields";
import {
  DuplicateReferenceError,
  type AppointmentStore,
  type AuthDatabase,
  type InboxRequest,
  type OutboxStatus,
  type RequestStatus,
  type StaffAbilityGrant,
  type StoredRequest,
} from "./store";

export interface Tables {
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
    status: Generated<RequestStatus>;
    status_changed_at: string | null;
    status_changed_by: string | null;
  };
  request_status_changes: {
    id: Generated<number>;
    request_id: string;
    status: RequestStatus;
    note_sealed: string | null;
    changed_at: string;
    changed_by: string;
  };
  staff_audit_log: {
    id: Generated<number>;
    at: string;
    actor_id: string | null;
    actor_email: string | null;
    action: string;
    reference: string | null;
    detail: string | null;
    ip_hash: string | null;
  };
  staff_enrollments: { token_hash: string; user_id: string; created_at: string; expires_at: string; used_at: string | null };
  staff_sign_in_failures: { key: string; at_ms: number; attempt_id: string | null };
  staff_session_activity: { session_id: string; last_active_ms: number };
  staff_used_codes: { user_id: string; code: string; used_at_ms: number };
  staff_abilities: { user_id: string; can_edit: number; can_review: number; physician: string | null; updated_at: string };
  /**
   * Better Auth's table (lib/staff/auth-config.ts): the inbox reads staff names from it, and takes an account out of
   * sign-in here when it must not leave no admin (`withdrawSignIn`). Booleans are 0/1 in SQLite.
   */
  staff_user: {
    id: string;
    name: string;
    email: string;
    role: string | null;
    banned: boolean | number | null;
    banReason: string | null;
    twoFactorEnabled: boolean | number | null;
    updatedAt: string;
  };
  outbox: {
    id: Generated<number>;
    request_id: string;
    message_id: string;
    status: Generated<OutboxStatus>;
    attempts: Generated<number>;
    next_attempt_at: string;
    last_error: string | null;
    sent_at: string | null;
    lease_until: string | null;
  };
  rate_limit_hits: { ip_hash: string; at_ms: number };
  health_heartbeat: { id: number; at: string };
  recent_submissions: { fingerprint: string; request_id: string; created_at: string };
  schema_migrations: { name: string; applied_at: string };
}

export interface StoreDialect {
  /** Which folder of lib/appointments/migrations holds this database's migrations. */
  migrationsFolder: "sqlite" | "postgres";
  /** Runs a migration file (several statements). */
  runScript(trx: Transaction<Tables>, script: string): Promise<void>;
  /** Makes other transactions that lock the same key wait until this one ends. */
  lockKey(trx: Transaction<Tables>, key: string): Promise<void>;
  /** Locks the selected rows for this transaction, skipping rows another transaction holds. */
  skipLocked<O>(query: SelectQueryBuilder<Tables, "outbox", O>): SelectQueryBuilder<Tables, "outbox", O>;
  /** Whether `error` says the reference code is already taken. */
  isDuplicateReference(error: unknown): boolean;
  /** Better Auth's name for this database. */
  authType: AuthDatabase["type"];
}

const MIGRATIONS_ROOT = path.join(process.cwd(), "lib", "appointments", "migrations");

/** The migration files of a database, in the order they apply. */
export function migrationFiles(folder: StoreDialect["migrationsFolder"]): { name: string; sql: string }[] {
  const dir = path.join(MIGRATIONS_ROOT, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), "utf8") }));
}

/** Applies the migrations not yet applied, each in its own transaction; servers starting together take turns. */
export async function applyMigrations(db: Kysely<Tables>, dialect: StoreDialect): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(db);
  const applied: string[] = [];
  for (const migration of migrationFiles(dialect.migrationsFolder)) {
    await db.transaction().execute(async (trx) => {
      await dialect.lockKey(trx, "schema_migrations");
      const done = await trx.selectFrom("schema_migrations").select("name").where("name", "=", migration.name).executeTakeFirst();
      if (done) return;
      await dialect.runScript(trx, migration.sql);
      await trx.insertInto("schema_migrations").values({ name: migration.name, applied_at: new Date().toISOString() }).execute();
      applied.push(migration.name);
    });
  }
  return applied;
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

function inboxQuery(db: Kysely<Tables>) {
  return db
    .selectFrom("appointment_requests")
    .leftJoin("staff_user", "staff_user.id", "appointment_requests.status_changed_by")
    .selectAll("appointment_requests")
    .select("staff_user.name as status_changed_by_name");
}

function toInboxRequest(
  row: Selectable<Tables["appointment_requests"]> & { status_changed_by_name: string | null },
): InboxRequest {
  return { ...toStoredRequest(row), status: row.status, statusChangedAt: row.status_changed_at, statusChangedByName: row.status_changed_by_name };
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

export function kyselyStore(db: Kysely<Tables>, dialect: StoreDialect, close: () => Promise<void>): AppointmentStore {
  return {
    async insertRequestWithNotification(request, messageId, { fingerprint, duplicateSinceIso }) {
      try {
        return await db.transaction().execute(async (trx) => {
          // Two identical submissions at the same moment, on one server or two, store one request.
          await dialect.lockKey(trx, `submission:${fingerprint}`);
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
            .values({ request_id: request.id, message_id: messageId, next_attempt_at: request.createdAt, last_error: null, sent_at: null, lease_until: null })
            .execute();
          await trx
            .insertInto("recent_submissions")
            .values({ fingerprint, request_id: request.id, created_at: request.createdAt })
            .onConflict((conflict) => conflict.column("fingerprint").doUpdateSet({ request_id: request.id, created_at: request.createdAt }))
            .execute();
          return { reference: request.reference, duplicate: false };
        });
      } catch (error) {
        if (dialect.isDuplicateReference(error)) throw new DuplicateReferenceError(request.reference);
        throw error;
      }
    },

    async findRecentSubmission(fingerprint, sinceIso) {
      return findRecentSubmission(db, fingerprint, sinceIso);
    },

    async recordRateLimitHit(ipHash, nowMs, windowMs, max) {
      return db.transaction().execute(async (trx) => {
        // Servers sharing one database share the limit: hits for one key are counted one transaction at a time.
        await dialect.lockKey(trx, `rate-limit:${ipHash}`);
        // Every key's expired hits, not only this one's: a client who never comes back leaves nothing behind.
        await trx.deleteFrom("rate_limit_hits").where("at_ms", "<=", nowMs - windowMs).execute();
        const { hits } = await trx
          .selectFrom("rate_limit_hits")
          .select((eb) => eb.fn.countAll<number | string>().as("hits"))
          .where("ip_hash", "=", ipHash)
          .executeTakeFirstOrThrow();
        if (Number(hits) >= max) return false;
        await trx.insertInto("rate_limit_hits").values({ ip_hash: ipHash, at_ms: nowMs }).execute();
        return true;
      });
    },

    async claimDueNotifications(nowIso, limit, leaseUntilIso) {
      return db.transaction().execute(async (trx) => {
        // A send whose lease ran out was never finished (its sender stopped, or could not record the outcome): the
        // server may have the message, so it is never sent again (see lib/appointments/outbox.ts).
        await trx
          .updateTable("outbox")
          .set({ status: "unconfirmed", last_error: "EINTERRUPTED", lease_until: null })
          .where("status", "=", "sending")
          .where("lease_until", "<=", nowIso)
          .execute();
        const due = await dialect
          .skipLocked(
            trx
              .selectFrom("outbox")
              .select("id")
              .where("status", "=", "pending")
              .where("next_attempt_at", "<=", nowIso)
              .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", nowIso)]))
              .orderBy("id")
              .limit(limit),
          )
          .execute();
        const ids = due.map((row) => row.id);
        if (ids.length === 0) return [];
        // The attempt is recorded before the send: whatever happens next, it is never taken for one not made.
        await trx
          .updateTable("outbox")
          .set((eb) => ({ status: "sending", lease_until: leaseUntilIso, attempts: eb("attempts", "+", 1) }))
          .where("id", "in", ids)
          .execute();
        const rows = await trx
          .selectFrom("outbox")
          .innerJoin("appointment_requests", "appointment_requests.id", "outbox.request_id")
          .select(["outbox.id", "outbox.message_id", "outbox.attempts", "appointment_requests.reference", "appointment_requests.created_at"])
          .where("outbox.id", "in", ids)
          .orderBy("outbox.id")
          .execute();
        return rows.map((row) => ({
          id: row.id,
          messageId: row.message_id,
          attempts: row.attempts,
          reference: row.reference,
          createdAt: row.created_at,
        }));
      });
    },

    async markNotificationSent(id, sentAtIso) {
      await db.updateTable("outbox").set({ status: "sent", sent_at: sentAtIso, last_error: null, lease_until: null }).where("id", "=", id).execute();
    },

    async markNotificationFailed(id, error, nextAttemptAtIso) {
      await db
        .updateTable("outbox")
        .set({
          last_error: error.slice(0, 500),
          lease_until: null,
          status: nextAttemptAtIso === null ? "dead" : "pending",
          ...(nextAttemptAtIso === null ? {} : { next_attempt_at: nextAttemptAtIso }),
        })
        .where("id", "=", id)
        .execute();
    },

    async markNotificationUnconfirmed(id, error) {
      await db.updateTable("outbox").set({ status: "unconfirmed", last_error: error.slice(0, 500), lease_until: null }).where("id", "=", id).execute();
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
        .select(["status", (eb) => eb.fn.countAll<number | string>().as("count")])
        .where("status", "in", ["pending", "sending", "unconfirmed", "dead"])
        .groupBy("status")
        .execute();
      const count = (status: OutboxStatus) => Number(rows.find((row) => row.status === status)?.count ?? 0);
      return { pending: count("pending") + count("sending"), unconfirmed: count("unconfirmed"), dead: count("dead") };
    },

    async recordHeartbeat(atIso) {
      // A transaction, as a request's: on SQLite it takes the write lock and appends to the WAL, on PostgreSQL it
      // commits; either fails as a request would (read-only, disk full).
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("health_heartbeat")
          .values({ id: 1, at: atIso })
          .onConflict((conflict) => conflict.column("id").doUpdateSet({ at: atIso }))
          .execute();
      });
    },

    async resealRequests(reseal, batchSize) {
      let rewritten = 0;
      let afterId = "";
      for (;;) {
        const batch = await db.transaction().execute(async (trx) => {
          const rows = await trx.selectFrom("appointment_requests").selectAll().where("id", ">", afterId).orderBy("id").limit(batchSize).execute();
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

    async listInbox({ status }) {
      let query = inboxQuery(db).orderBy("appointment_requests.created_at", "desc");
      if (status) query = query.where("appointment_requests.status", "=", status);
      return (await query.execute()).map(toInboxRequest);
    },

    async findInboxRequest(reference) {
      const row = await inboxQuery(db).where("appointment_requests.reference", "=", reference).executeTakeFirst();
      return row && toInboxRequest(row);
    },

    async changeStatus(requestId, { status, noteSealed, changedAt, changedBy }) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable("appointment_requests")
          .set({ status, status_changed_at: changedAt, status_changed_by: changedBy })
          .where("id", "=", requestId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await trx
          .insertInto("request_status_changes")
          .values({ request_id: requestId, status, note_sealed: noteSealed, changed_at: changedAt, changed_by: changedBy })
          .execute();
        return true;
      });
    },

    async statusHistory(requestId) {
      const rows = await db
        .selectFrom("request_status_changes")
        .leftJoin("staff_user", "staff_user.id", "request_status_changes.changed_by")
        .select(["request_status_changes.status", "request_status_changes.note_sealed", "request_status_changes.changed_at", "staff_user.name"])
        .where("request_status_changes.request_id", "=", requestId)
        .orderBy("request_status_changes.id")
        .execute();
      return rows.map((row) => ({
        status: row.status,
        noteSealed: row.note_sealed,
        changedAt: row.changed_at,
        changedByName: row.name ?? "(removed account)",
      }));
    },

    async appendAudit(entry) {
      await db
        .insertInto("staff_audit_log")
        .values({
          at: entry.at,
          actor_id: entry.actorId,
          actor_email: entry.actorEmail,
          action: entry.action,
          reference: entry.reference,
          detail: entry.detail,
          ip_hash: entry.ipHash,
        })
        .execute();
    },

    async listAudit({ actorId, unidentifiedActor, reference, beforeId, limit }) {
      let query = db.selectFrom("staff_audit_log").selectAll().orderBy("id", "desc").limit(limit);
      if (actorId) query = query.where("actor_id", "=", actorId);
      if (unidentifiedActor) query = query.where("actor_id", "is", null).where("actor_email", "=", unidentifiedActor);
      if (reference) query = query.where("reference", "=", reference);
      if (beforeId !== undefined) query = query.where("id", "<", beforeId);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: Number(row.id),
        at: row.at,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        action: row.action,
        reference: row.reference,
        detail: row.detail,
        ipHash: row.ip_hash,
      }));
    },

    async createEnrollment(tokenHash, userId, createdAtIso, expiresAtIso) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("staff_enrollments").where("user_id", "=", userId).where("used_at", "is", null).execute();
        await trx
          .insertInto("staff_enrollments")
          .values({ token_hash: tokenHash, user_id: userId, created_at: createdAtIso, expires_at: expiresAtIso, used_at: null })
          .execute();
      });
    },

    async revokeEnrollments(userId) {
      await db.deleteFrom("staff_enrollments").where("user_id", "=", userId).where("used_at", "is", null).execute();
    },

    async claimAuthenticatorCode(userId, code, nowMs, windowMs) {
      return db.transaction().execute(async (trx) => {
        await dialect.lockKey(trx, `authenticator-code:${userId}`);
        await trx.deleteFrom("staff_used_codes").where("used_at_ms", "<=", nowMs - windowMs).execute();
        const used = await trx.selectFrom("staff_used_codes").select("used_at_ms").where("user_id", "=", userId).where("code", "=", code).executeTakeFirst();
        if (used) return false;
        await trx.insertInto("staff_used_codes").values({ user_id: userId, code, used_at_ms: nowMs }).execute();
        return true;
      });
    },

    async findEnrollment(tokenHash, nowIso) {
      const row = await db
        .selectFrom("staff_enrollments")
        .select("user_id")
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", nowIso)
        .executeTakeFirst();
      return row?.user_id;
    },

    async consumeEnrollment(tokenHash, nowIso) {
      // One statement: of two uses at the same moment, only one finds the link unused.
      const row = await db
        .updateTable("staff_enrollments")
        .set({ used_at: nowIso })
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", nowIso)
        .returning("user_id")
        .executeTakeFirst();
      return row?.user_id;
    },

    async reserveSignInAttempt(keys, nowMs, windowMs, max) {
      return db.transaction().execute(async (trx) => {
        // Attempts under the same key take turns, whichever server they reach; always in the same order, so two
        // attempts sharing one key of two never wait for each other.
        for (const key of [...keys].sort()) await dialect.lockKey(trx, `sign-in:${key}`);
        await trx.deleteFrom("staff_sign_in_failures").where("at_ms", "<=", nowMs - windowMs).execute();
        const counted = await trx
          .selectFrom("staff_sign_in_failures")
          .select((eb) => eb.fn.countAll<number | string>().as("attempts"))
          .where("key", "in", keys)
          .groupBy("key")
          .execute();
        if (counted.some(({ attempts }) => Number(attempts) >= max)) return undefined;
        const attemptId = randomUUID();
        await trx.insertInto("staff_sign_in_failures").values(keys.map((key) => ({ key, at_ms: nowMs, attempt_id: attemptId }))).execute();
        return attemptId;
      });
    },

    async releaseSignInAttempt(attemptId) {
      await db.deleteFrom("staff_sign_in_failures").where("attempt_id", "=", attemptId).execute();
    },

    async countSignInFailures(key, sinceMs) {
      const { failures } = await db
        .selectFrom("staff_sign_in_failures")
        .select((eb) => eb.fn.countAll<number | string>().as("failures"))
        .where("key", "=", key)
        .where("at_ms", ">", sinceMs)
        .executeTakeFirstOrThrow();
      return Number(failures);
    },

    async clearSignInFailures(key) {
      await db.deleteFrom("staff_sign_in_failures").where("key", "=", key).execute();
    },

    async touchSession(sessionId, nowMs, idleMs, startedAtMs) {
      return db.transaction().execute(async (trx) => {
        await dialect.lockKey(trx, `session:${sessionId}`);
        const row = await trx.selectFrom("staff_session_activity").select("last_active_ms").where("session_id", "=", sessionId).executeTakeFirst();
        // A session never used since it began (the one enrollment opens) is idle from its start.
        if (nowMs - (row ? Number(row.last_active_ms) : startedAtMs) > idleMs) return "idle";
        await trx
          .insertInto("staff_session_activity")
          .values({ session_id: sessionId, last_active_ms: nowMs })
          .onConflict((conflict) => conflict.column("session_id").doUpdateSet({ last_active_ms: nowMs }))
          .execute();
        return "active";
      });
    },

    async withdrawSignIn(userId, how, { keepAnAdmin, atIso, banReason }) {
      return db.transaction().execute(async (trx) => {
        // Every withdrawal takes its turn (SQLite's transactions already do: BEGIN IMMEDIATE), so of two admins
        // taking each other out at once, the second sees the first's change and is refused.
        await dialect.lockKey(trx, "staff-admins-who-can-sign-in");
        if (keepAnAdmin) {
          // Who can sign in as an admin, as listUsers (lib/staff/accounts.ts) calls them active.
          const active = await trx
            .selectFrom("staff_user")
            .select("id")
            .where("role", "=", "admin")
            .where(sql<boolean>`NOT coalesce(${sql.ref("banned")}, FALSE)`)
            .where(sql<boolean>`coalesce(${sql.ref("twoFactorEnabled")}, FALSE)`)
            .execute();
          if (active.length === 1 && active[0]!.id === userId) return "last-admin";
        }
        const change =
          how === "disable" ? { banned: sql<boolean>`TRUE`, banReason: banReason ?? null } : { twoFactorEnabled: sql<boolean>`FALSE` };
        await trx
          .updateTable("staff_user")
          .set({ ...change, updatedAt: atIso })
          .where("id", "=", userId)
          .execute();
        return "done";
      });
    },

    async findStaffAbilities(userId) {
      const row = await db.selectFrom("staff_abilities").selectAll().where("user_id", "=", userId).executeTakeFirst();
      return row ? abilityGrantOf(row) : { userId, edit: false, review: false, physician: null };
    },

    async listStaffAbilities() {
      return (await db.selectFrom("staff_abilities").selectAll().orderBy("user_id").execute()).map(abilityGrantOf);
    },

    async setStaffAbilities({ userId, edit, review, physician }, atIso) {
      const columns = { can_edit: edit ? 1 : 0, can_review: review ? 1 : 0, physician, updated_at: atIso };
      await db
        .insertInto("staff_abilities")
        .values({ user_id: userId, ...columns })
        .onConflict((conflict) => conflict.column("user_id").doUpdateSet(columns))
        .execute();
    },

    authDatabase: { db, type: dialect.authType },

    close,
  };
}

function abilityGrantOf(row: Tables["staff_abilities"]): StaffAbilityGrant {
  return { userId: row.user_id, edit: Number(row.can_edit) === 1, review: Number(row.can_review) === 1, physician: row.physician };
}
