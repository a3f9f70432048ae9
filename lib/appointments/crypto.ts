/**
 * Patients' details are encrypted at rest with AES-256-GCM: a fresh random IV for every value, and the
 * record's id as associated data, so a ciphertext copied onto another record fails to decrypt.
 *
 * A sealed value names the key that sealed it: `v2.<keyId>.<iv>.<ciphertext>.<tag>`, so old keys can stay
 * readable while `npm run requests -- rotate-key` re-seals rows under the current one. Values written before key
 * ids (`v1.<iv>.<ciphertext>.<tag>`) are still read: each known key is tried, the current one first.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LEGACY_FORMAT = "v1";
const FORMAT_VERSION = "v2";

export class KeyFormatError extends Error {}

/** Reads a 32-byte key written as base64 or hex. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new KeyFormatError(
      "APPOINTMENTS_KEY must be 32 random bytes written as base64 (44 characters) or hex (64 characters); " +
        "make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"",
    );
  }
  return key;
}

/**
 * A key's id, as sealed values name it: derived from the key, so it can never point at the wrong key, and moving
 * between APPOINTMENTS_KEY and APPOINTMENTS_KEYS needs no renaming. Eight characters; reveals nothing of the key.
 */
export function keyIdOf(masterKey: Buffer): string {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "appointments/key-id/v1", 6)).toString("base64url");
}

/** The keys that open patients' details: `current` seals every new value, each of `byId` opens what it sealed. */
export interface EncryptionKeyring {
  current: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
}

/**
 * Separate keys for separate jobs, derived from the secrets: encrypting details (one per master key, newest
 * first), hashing IP addresses and fingerprinting a request's details (from the current key only: rate-limit
 * rows and fingerprints last minutes, so after a rotation they simply start again).
 */
export function deriveKeys(masterKeys: Buffer | readonly Buffer[]) {
  const masters = Buffer.isBuffer(masterKeys) ? [masterKeys] : masterKeys;
  const current = masters[0];
  if (!current) throw new Error("deriveKeys needs at least one key");
  const derive = (masterKey: Buffer, purpose: string) => Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), purpose, 32));
  const ring = masters.map((masterKey) => ({ id: keyIdOf(masterKey), key: derive(masterKey, "appointments/encryption/v1") }));
  const encryption: EncryptionKeyring = { current: ring[0]!, byId: new Map(ring.map(({ id, key }) => [id, key])) };
  return {
    encryption,
    ipHash: derive(current, "appointments/ip-hmac/v1"),
    fingerprint: derive(current, "appointments/fingerprint/v1"),
    // Better Auth's secrets for the staff inbox (it seals authenticator keys and signs cookies with them), one per
    // master key, current first, each with a number derived from its key: after a rotation, what an older key
    // sealed stays readable while that key is still listed.
    // `keyId` is ours (Better Auth reads only version and value): which key a sealed authenticator needs.
    staffAuth: masters.map((masterKey, index) => ({
      keyId: ring[index]!.id,
      version: derive(masterKey, "staff/auth-secret-version/v1").readUInt32BE(0) & 0x7fffffff || 1,
      value: derive(masterKey, "staff/auth-secret/v1").toString("base64"),
    })),
  };
}

export type DerivedKeys = ReturnType<typeof deriveKeys>;

export function encryptField(keyring: EncryptionKeyring, plaintext: string, recordId: string): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT_VERSION, id, iv.toString("base64"), ciphertext.toString("base64"), cipher.getAuthTag().toString("base64")].join(".");
}

function openWith(key: Buffer, iv: string, ciphertext: string, tag: string, recordId: string): string | undefined {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(recordId, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** The id of the key that sealed a value; `undefined` for a value from before key ids (v1). */
export function sealedKeyId(sealed: string): string | undefined {
  const [version, id] = sealed.split(".");
  return version === FORMAT_VERSION ? id : undefined;
}

/** Throws when the value was altered, moved to another record, or encrypted with a key not in the keyring. */
export function decryptField(keyring: EncryptionKeyring, sealed: string, recordId: string): string {
  const parts = sealed.split(".");
  const [version] = parts;
  let opened: string | undefined;
  if (version === FORMAT_VERSION && parts.length === 5 && parts.every((part, index) => index === 3 || part !== "")) {
    const [, id, iv, ciphertext, tag] = parts as [string, string, string, string, string];
    const key = keyring.byId.get(id);
    if (!key) {
      throw new Error(
        `Record ${recordId}: an encrypted field was sealed with key ${id}, which is not among the keys given ` +
          `(${[...keyring.byId.keys()].join(", ")}). Add that key to APPOINTMENTS_KEYS, after the current one.`,
      );
    }
    opened = openWith(key, iv, ciphertext, tag, recordId);
  } else if (version === LEGACY_FORMAT && parts.length === 4 && parts[1] && parts[3]) {
    const [, iv, ciphertext, tag] = parts as [string, string, string, string];
    // No key id before v2: the current key first (it sealed them, unless it has been rotated since), then the others.
    for (const key of [keyring.current.key, ...keyring.byId.values()]) {
      opened = openWith(key, iv, ciphertext, tag, recordId);
      if (opened !== undefined) break;
    }
  } else {
    throw new Error(`Record ${recordId}: an encrypted field is not in the expected format`);
  }
  if (opened === undefined) {
    throw new Error(`Record ${recordId}: an encrypted field could not be decrypted (wrong key, or the data was altered)`);
  }
  return opened;
}

/** For key rotation: the value sealed under the current key, or `undefined` when it already is. */
export function resealField(keyring: EncryptionKeyring, sealed: string, recordId: string): string | undefined {
  if (sealedKeyId(sealed) === keyring.current.id) return undefined;
  return encryptField(keyring, decryptField(keyring, sealed, recordId), recordId);
}

/** A keyed hash: enough to recognise the same value again, useless for finding what it was without the key. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/** A keyed hash of an IP address: enough to count requests, useless for finding the person. */
export const hashIp = keyedHash;
