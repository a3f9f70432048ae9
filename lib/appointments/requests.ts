/**
 * Turning a validated request into a stored one and back: reference codes, sealing and opening patients' details.
 */
import { randomInt, randomUUID } from "node:crypto";
import { decryptField, encryptField, keyedHash, resealField, sealedKeyId, type EncryptionKeyring } from "./crypto";
import type { BestTime } from "./fields";
import type { AppointmentRequest } from "./schema";
import type { SealedFields, StoredRequest } from "./store";

// No 0/O, 1/I/L or U: codes are read aloud over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_PATTERN = /^MS-[2-9A-HJKMNP-TV-Z]{5}$/;

export function newReference(): string {
  let code = "";
  for (let index = 0; index < 5; index += 1) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `MS-${code}`;
}

/** The staff email's Message-ID: the same on every retry, so a duplicate delivery is recognisable. */
export function notificationMessageId(request: Pick<StoredRequest, "id">): string {
  return `<appointment-${request.id}@mocekspine.invalid>`;
}

/**
 * The same details from the same client, however they were typed (the schema has normalised them), give the same
 * fingerprint; names and email addresses compare without regard to case. The client is part of it: someone who
 * knows a patient's name and phone number must not learn from another address whether the patient just wrote,
 * nor their reference.
 */
export function submissionFingerprint(key: Buffer, request: AppointmentRequest, clientAddress: string): string {
  const { fullName, phone, email, bestTime, reason } = request;
  return keyedHash(key, JSON.stringify([clientAddress, fullName.toLowerCase(), phone, email?.toLowerCase() ?? null, bestTime, reason ?? null]));
}

export function sealRequest(key: EncryptionKeyring, request: AppointmentRequest, createdAt: Date): StoredRequest {
  const id = randomUUID();
  const seal = (value: string | undefined) => (value === undefined ? null : encryptField(key, value, id));
  return {
    id,
    reference: newReference(),
    createdAt: createdAt.toISOString(),
    bestTime: request.bestTime,
    fullNameSealed: encryptField(key, request.fullName, id),
    phoneSealed: encryptField(key, request.phone, id),
    emailSealed: seal(request.email),
    reasonSealed: seal(request.reason),
    handledAt: null,
  };
}

export interface OpenedRequest {
  reference: string;
  createdAt: string;
  handledAt: string | null;
  bestTime: BestTime;
  fullName: string;
  phone: string;
  email: string | null;
  reason: string | null;
}

export function openRequest(key: EncryptionKeyring, stored: StoredRequest): OpenedRequest {
  const open = (sealed: string | null) => (sealed === null ? null : decryptField(key, sealed, stored.id));
  return {
    reference: stored.reference,
    createdAt: stored.createdAt,
    handledAt: stored.handledAt,
    bestTime: stored.bestTime,
    fullName: decryptField(key, stored.fullNameSealed, stored.id),
    phone: decryptField(key, stored.phoneSealed, stored.id),
    email: open(stored.emailSealed),
    reason: open(stored.reasonSealed),
  };
}

/**
 * Key rotation of one request: its details sealed under the current key, or `undefined` when they already are.
 * Throws, like `openRequest`, when a value cannot be opened with the keys given.
 */
export function resealRequest(keyring: EncryptionKeyring, stored: StoredRequest): SealedFields | undefined {
  const reseal = (sealed: string) => resealField(keyring, sealed, stored.id);
  const changed = {
    fullNameSealed: reseal(stored.fullNameSealed),
    phoneSealed: reseal(stored.phoneSealed),
    emailSealed: stored.emailSealed === null ? undefined : reseal(stored.emailSealed),
    reasonSealed: stored.reasonSealed === null ? undefined : reseal(stored.reasonSealed),
  };
  if (Object.values(changed).every((value) => value === undefined)) return undefined;
  return {
    fullNameSealed: changed.fullNameSealed ?? stored.fullNameSealed,
    phoneSealed: changed.phoneSealed ?? stored.phoneSealed,
    emailSealed: changed.emailSealed ?? stored.emailSealed,
    reasonSealed: changed.reasonSealed ?? stored.reasonSealed,
  };
}

/** Which key sealed how many requests (by a request's name field; "v1" for requests from before key ids). */
export function requestsByKeyId(requests: readonly StoredRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const id = sealedKeyId(request.fullNameSealed) ?? "v1";
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
