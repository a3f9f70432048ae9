/**
 * Where the encryption keys come from: APPOINTMENTS_KEY in production (or APPOINTMENTS_KEYS, the current key
 * first, during a rotation); otherwise a key file created on first start, outside the database's folder and the
 * backups' (so a copy of the database alone cannot be read), with mode 0600.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { KeyFormatError, parseKey } from "./crypto";

export function generatedKeyPath(dataDir: string): string {
  // A secret the server makes at run time, not a file of the app: the build must not trace (and ship) it.
  return path.join(/* turbopackIgnore: true */ dataDir, "keys", "appointments.key");
}

/** APPOINTMENTS_KEYS: 32-byte keys (base64 or hex) separated by commas, the current one first, none twice. */
export function parseKeyList(text: string): Buffer[] {
  const entries = text.split(",").map((entry) => entry.trim());
  const keys = entries.map((entry, index) => {
    try {
      return parseKey(entry);
    } catch (error) {
      if (!(error instanceof KeyFormatError)) throw error;
      throw new KeyFormatError(
        `APPOINTMENTS_KEYS: key ${index + 1} of ${entries.length} is not 32 random bytes written as base64 (44 characters) ` +
          "or hex (64 characters). List the keys separated by commas, the current one first.",
      );
    }
  });
  keys.forEach((key, index) => {
    if (keys.findIndex((other) => other.equals(key)) !== index) {
      throw new KeyFormatError(`APPOINTMENTS_KEYS: key ${index + 1} is the same as an earlier one; list each key once.`);
    }
  });
  return keys;
}

/** Every key that may have sealed a stored value, the current one (which seals new values) first. */
export function loadMasterKeys(
  env: { APPOINTMENTS_KEY?: string; APPOINTMENTS_KEYS?: string; DATA_DIR: string },
  warn: (message: string) => void,
  options: { create?: boolean } = {},
): Buffer[] {
  if (env.APPOINTMENTS_KEYS) return parseKeyList(env.APPOINTMENTS_KEYS);
  return [loadMasterKey(env, warn, options)];
}

export function loadMasterKey(
  { APPOINTMENTS_KEY, DATA_DIR }: { APPOINTMENTS_KEY?: string; DATA_DIR: string },
  warn: (message: string) => void,
  { create = true }: { create?: boolean } = {},
): Buffer {
  if (APPOINTMENTS_KEY) return parseKey(APPOINTMENTS_KEY);
  const keyFile = generatedKeyPath(DATA_DIR);
  if (!create && !fs.existsSync(keyFile)) {
    throw new Error(
      `APPOINTMENTS_KEY is not set and there is no generated key at ${keyFile}: the requests cannot be decrypted. ` +
        "Set APPOINTMENTS_KEY to the key the server uses.",
    );
  }
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    // "wx": never overwrite a key another process created a moment ago; the data it protects would be lost.
    try {
      fs.writeFileSync(keyFile, randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  warn(
    `APPOINTMENTS_KEY is not set: patients' details are encrypted with the generated key in ${keyFile}. ` +
      "In production, set APPOINTMENTS_KEY (and keep a copy of this key if requests were already stored with it).",
  );
  return parseKey(fs.readFileSync(keyFile, "utf8"));
}
