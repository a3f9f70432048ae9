/**
 * Patients' details are encrypted at rest with AES-256-GCM: a fresh random IV for every value, and the
 * record's id as associated data, so a ciphertext copied onto another record fails to decrypt.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT_VERSION = "v1";

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
 * Separate keys for separate jobs, derived from the one secret: encrypting details, hashing IP addresses, and
 * fingerprinting a request's details to recognise the same request sent twice.
 */
export function deriveKeys(masterKey: Buffer) {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), purpose, 32));
  return {
    encryption: derive("appointments/encryption/v1"),
    ipHash: derive("appointments/ip-hmac/v1"),
    fingerprint: derive("appointments/fingerprint/v1"),
  };
}

export function encryptField(key: Buffer, plaintext: string, recordId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT_VERSION, iv.toString("base64"), ciphertext.toString("base64"), cipher.getAuthTag().toString("base64")].join(".");
}

/** Throws when the value was altered, moved to another record, or encrypted with another key. */
export function decryptField(key: Buffer, sealed: string, recordId: string): string {
  const [version, iv, ciphertext, tag] = sealed.split(".");
  if (version !== FORMAT_VERSION || !iv || ciphertext === undefined || !tag) {
    throw new Error(`Record ${recordId}: an encrypted field is not in the expected format`);
  }
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(recordId, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`Record ${recordId}: an encrypted field could not be decrypted (wrong key, or the data was altered)`);
  }
}

/** A keyed hash: enough to recognise the same value again, useless for finding what it was without the key. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/** A keyed hash of an IP address: enough to count requests, useless for finding the person. */
export const hashIp = keyedHash;
