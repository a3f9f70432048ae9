/**
 * What the appointment flow needs from storage. The form, the outbox and the staff tools speak only to this
 * interface; SQLite (sqlite-store.ts) and PostgreSQL (postgres-store.ts) implement it with the same queries
 * (kysely-store.ts), and one contract test suite runs against both.
 */
import type { Kysely } from "kysely";
import type { BestTime } from "./fields";

/** A request as stored: the patient's details still sealed (encrypted). */
export interface StoredRequest {
  id: string;
  reference: string;
  createdAt: string;
  bestTime: BestTime;
  fullNameSealed: string;
  phoneSealed: string;
  emailSealed: string | null;
  reasonSealed: string | null;
  handledAt: string | null;
}

/** A request's sealed details: what key rotation rewrites. */
export type SealedFields = Pick<StoredRequest, "fullNameSealed" | "phoneSealed" | "emailSealed" | "reasonSealed">;

/**
 * Where a staff notification stands: waiting (`pending`, retries included), held by a sender from just before it
 * sends until it records how it went (`sending`), `sent`, possibly taken by the mail server without it saying so
 * (`unconfirmed`: never sent again), or given up after repeated refusals (`dead`). See lib/appointments/outbox.ts.
 */
export type OutboxStatus = "pending" | "sending" | "sent" | "unconfirmed" | "dead";

export interface OutboxMessage {
  id: number;
  messageId: string;
  /** Attempts made, this one included. */
  attempts: number;
  reference: string;
  createdAt: string;
}

/** A request's details as a keyed hash, and since when an earlier request with the same hash counts as this one. */
export interface SubmissionFingerprint {
  fingerprint: string;
  duplicateSinceIso: string;
}

/** The store's database, for Better Auth's own tables (lib/staff/auth-config.ts). */
export interface AuthDatabase {
  // Better Auth reads and writes its tables through this connection; their types are Better Auth's business.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>;
  type: "sqlite" | "postgres";
}

/** Where a request stands, as the front desk works it. */
export const REQUEST_STATUSES = {
  new: "New",
  no_answer: "Called – no answer",
  scheduled: "Scheduled",
  closed: "Closed",
} as const;

export type RequestStatus = keyof typeof REQUEST_STATUSES;

/** The longest note staff may add to a status change: the form holds the browser to it, the inbox's schema checks it. */
export const STATUS_NOTE_MAX_LENGTH = 1000;

/** A request as the inbox shows it: still sealed, with where it stands and who moved it there last. */
export interface InboxRequest extends StoredRequest {
  status: RequestStatus;
  statusChangedAt: string | null;
  /** The staff member's name; null while no one has changed the status. */
  statusChangedByName: string | null;
}

/** One entry in a request's history. The note is sealed with the request's id, like the patient's details. */
export interface StatusChange {
  status: RequestStatus;
  noteSealed: string | null;
  changedAt: string;
  changedByName: string;
}

/** One line of the audit log. Never a patient's detail: a request is named by its reference. */
export interface AuditEntry {
  at: string;
  /** The staff_user id; null for the server's command line or a sign-in to an unknown account. */
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  reference: string | null;
  detail: string | null;
  ipHash: string | null;
}

export interface AuditFilter {
  actorId?: string;
  /** Entries with no person's id written under this name (the server's command line). */
  unidentifiedActor?: string;
  reference?: string;
  /** Entries with an id below this one (the next page); newest first. */
  beforeId?: number;
  limit: number;
}

/**
 * What a staff account may do to the website's pages beyond its role (lib/staff/abilities.ts): `physician` is the
 * name from content/clinic.yaml that a clinical reviewer's approval puts on a page, set exactly when `review` is.
 */
export interface StaffAbilityGrant {
  userId: string;
  edit: boolean;
  review: boolean;
  physician: string | null;
}

export interface AppointmentStore {
  /**
   * Stores the request, its staff-notification outbox row and its fingerprint in one transaction, unless a request
   * with the same fingerprint arrived since `duplicateSinceIso`: then nothing is stored and that request's
   * reference is returned.
   */
  insertRequestWithNotification(
    request: StoredRequest,
    messageId: string,
    submission: SubmissionFingerprint,
  ): Promise<{ reference: string; duplicate: boolean }>;
  /** The reference of a request with this fingerprint that arrived since `sinceIso`, if there is one. */
  findRecentSubmission(fingerprint: string, sinceIso: string): Promise<string | undefined>;
  /** Counts this hit and says whether it is within the limit, atomically. */
  recordRateLimitHit(ipHash: string, nowMs: number, windowMs: number, max: number): Promise<boolean>;
  /**
   * Claims up to `limit` notifications that are due and not held by another sender, counts the attempt and marks
   * them `sending` until `leaseUntilIso`: servers sharing the store never send the same one at the same time. First,
   * any still `sending` after its lease ran out (its sender stopped mid-send) becomes `unconfirmed`, never sent again.
   */
  claimDueNotifications(nowIso: string, limit: number, leaseUntilIso: string): Promise<OutboxMessage[]>;
  markNotificationSent(id: number, sentAtIso: string): Promise<void>;
  /** The mail server did not take it: due again at `nextAttemptAtIso`, or `dead` when that is null. */
  markNotificationFailed(id: number, error: string, nextAttemptAtIso: string | null): Promise<void>;
  /** The mail server may have taken it without saying so: never sent again. */
  markNotificationUnconfirmed(id: number, error: string): Promise<void>;
  listRequests(): Promise<StoredRequest[]>;
  findRequest(reference: string): Promise<StoredRequest | undefined>;
  markHandled(reference: string, handledAtIso: string): Promise<boolean>;
  /** Deletes requests received before `cutoffIso`, with their outbox and fingerprint rows; returns how many. */
  purgeRequestsOlderThan(cutoffIso: string): Promise<number>;
  notificationStatus(reference: string): Promise<{ status: string; attempts: number } | undefined>;
  /**
   * Staff notifications still to send (`pending`: retries and those being sent included), those the mail server
   * may or may not have taken (`unconfirmed`) and those given up on (`dead`): the health check's figures. Counts
   * only, never a reference or a patient's detail.
   */
  outboxCounts(): Promise<{ pending: number; unconfirmed: number; dead: number }>;
  /**
   * Writes the health check's heartbeat row, committed, the way a request is stored: it fails when a request could
   * not be stored now (a read-only database, a full disk), which a read or a rolled-back write would not show.
   */
  recordHeartbeat(atIso: string): Promise<void>;
  /**
   * Key rotation: hands every request to `reseal`, in batches of `batchSize` in order of id, and writes back the
   * sealed fields it returns (`undefined`: the row stays as it is). Each batch is read and written in one
   * transaction, so no request is ever half re-sealed and the site keeps taking requests between batches. If
   * `reseal` throws, that batch is rolled back and the error passed on; running it again carries on. Returns the
   * number of requests rewritten.
   */
  resealRequests(reseal: (request: StoredRequest) => SealedFields | undefined, batchSize: number): Promise<number>;

  // The staff inbox (lib/staff/).
  /** Requests newest first, with their status; only those with `status` when it is given. */
  listInbox(filter: { status?: RequestStatus }): Promise<InboxRequest[]>;
  findInboxRequest(reference: string): Promise<InboxRequest | undefined>;
  /** Sets a request's status and adds the change to its history, in one transaction. False: no such request. */
  changeStatus(requestId: string, change: Omit<StatusChange, "changedByName"> & { changedBy: string }): Promise<boolean>;
  /** A request's status changes, oldest first. */
  statusHistory(requestId: string): Promise<StatusChange[]>;
  /** Adds a line to the audit log. There is no way to change or remove one. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Audit entries newest first, with their ids for paging. */
  listAudit(filter: AuditFilter): Promise<(AuditEntry & { id: number })[]>;
  /** Stores a new enrollment link's token hash; earlier unused links of the same person stop working. */
  createEnrollment(tokenHash: string, userId: string, createdAtIso: string, expiresAtIso: string): Promise<void>;
  /** Voids every unused enrollment link of the person (when the account is disabled). */
  revokeEnrollments(userId: string): Promise<void>;
  /**
   * Records an authenticator code as used by this person, atomically; false when the same code was already used
   * within `windowMs` (a replay).
   */
  claimAuthenticatorCode(userId: string, code: string, nowMs: number, windowMs: number): Promise<boolean>;
  /** The person an unused, unexpired enrollment token belongs to. */
  findEnrollment(tokenHash: string, nowIso: string): Promise<string | undefined>;
  /** Uses up an enrollment token, atomically: of two attempts at once, one gets the person's id. */
  consumeEnrollment(tokenHash: string, nowIso: string): Promise<string | undefined>;
  /**
   * Counts a sign-in attempt as failed under each key (an account, an address) before its password or code is
   * checked, and drops attempts older than `windowMs`. The count and the check of the limit are one step for those
   * keys, on one server or several: when a key already has `max` attempts in the window, nothing is counted and the
   * answer is undefined, so no more than `max` can ever be checked per key and window, however many arrive at once.
   * Otherwise the attempt's id, to take it back if it turns out right.
   */
  reserveSignInAttempt(keys: string[], nowMs: number, windowMs: number, max: number): Promise<string | undefined>;
  /** Takes back an attempt that turned out right, under every key it was counted under. */
  releaseSignInAttempt(attemptId: string): Promise<void>;
  /** Attempts counted as failed under `key` since `sinceMs`. */
  countSignInFailures(key: string, sinceMs: number): Promise<number>;
  clearSignInFailures(key: string): Promise<void>;
  /**
   * Marks a session as used now, unless it has been idle longer than `idleMs` since its last use (or, never used
   * yet, since `startedAtMs`): then it says so and leaves it (the caller ends the session).
   */
  touchSession(sessionId: string, nowMs: number, idleMs: number, startedAtMs: number): Promise<"active" | "idle">;
  /**
   * Takes a staff account out of sign-in, `disable` (Better Auth's ban, with `banReason`) or `reset` (two-factor
   * off: only a new enrollment lets the person in), in one transaction with, when `keepAnAdmin`, the check that an
   * admin who can sign in remains: "last-admin" then, and nothing changes. Two at once take turns, so two admins
   * taking each other out can never leave none.
   */
  withdrawSignIn(userId: string, how: "disable" | "reset", options: { keepAnAdmin: boolean; atIso: string; banReason?: string }): Promise<"done" | "last-admin">;
  /** The abilities granted to an account; none (edit and review off) for an account never granted any. */
  findStaffAbilities(userId: string): Promise<StaffAbilityGrant>;
  /** Every account's granted abilities, for the admins' list; accounts never granted any are left out. */
  listStaffAbilities(): Promise<StaffAbilityGrant[]>;
  /** Replaces an account's abilities with `grant`. */
  setStaffAbilities(grant: StaffAbilityGrant, atIso: string): Promise<void>;
  /** The database itself, for Better Auth's own tables (staff_user, staff_session, …). */
  readonly authDatabase: AuthDatabase;
  close(): Promise<void>;
}

/** A reference that is already taken; the caller draws another. */
export class DuplicateReferenceError extends Error {}
