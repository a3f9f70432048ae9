/**
 * What the appointment flow needs from storage. The form, the outbox and the staff tools speak only to this
 * interface; SQLite (sqlite-store.ts) and PostgreSQL (postgres-store.ts) implement it with the same queries
 * (kysely-store.ts), and one contract test suite runs against both.
 */
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

export interface OutboxMessage {
  id: number;
  messageId: string;
  attempts: number;
  reference: string;
  createdAt: string;
}

/** A request's details as a keyed hash, and since when an earlier request with the same hash counts as this one. */
export interface SubmissionFingerprint {
  fingerprint: string;
  duplicateSinceIso: string;
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
   * Claims up to `limit` notifications that are due and not held by another sender, and holds them until
   * `leaseUntilIso`: servers sharing the store never send the same one at the same time.
   */
  claimDueNotifications(nowIso: string, limit: number, leaseUntilIso: string): Promise<OutboxMessage[]>;
  markNotificationSent(id: number, sentAtIso: string): Promise<void>;
  markNotificationFailed(id: number, error: string, nextAttemptAtIso: string | null): Promise<void>;
  listRequests(): Promise<StoredRequest[]>;
  findRequest(reference: string): Promise<StoredRequest | undefined>;
  markHandled(reference: string, handledAtIso: string): Promise<boolean>;
  /** Deletes requests received before `cutoffIso`, with their outbox and fingerprint rows; returns how many. */
  purgeRequestsOlderThan(cutoffIso: string): Promise<number>;
  notificationStatus(reference: string): Promise<{ status: string; attempts: number } | undefined>;
  /**
   * Staff notifications still to send (`pending`, retries included) and those given up on (`dead`): the health
   * check's figures. Counts only, never a reference or a patient's detail.
   */
  outboxCounts(): Promise<{ pending: number; dead: number }>;
  /**
   * Key rotation: hands every request to `reseal`, in batches of `batchSize` in order of id, and writes back the
   * sealed fields it returns (`undefined`: the row stays as it is). Each batch is read and written in one
   * transaction, so no request is ever half re-sealed and the site keeps taking requests between batches. If
   * `reseal` throws, that batch is rolled back and the error passed on; running it again carries on. Returns the
   * number of requests rewritten.
   */
  resealRequests(reseal: (request: StoredRequest) => SealedFields | undefined, batchSize: number): Promise<number>;
  close(): Promise<void>;
}

/** A reference that is already taken; the caller draws another. */
export class DuplicateReferenceError extends Error {}
