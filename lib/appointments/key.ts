/**
 * Where the encryption key comes from: APPOINTMENTS_KEY in production; otherwise a key file created on first
 * start, outside the database's folder (so a copy of the database alone cannot be read), with mode 0600.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { parseKey } from "./crypto";

export function generatedKeyPath(dataDir: string): string {
  // A secret the server makes at run time, not a file of the app: the build must not trace (and ship) it.
  return path.join(/* turbopackIgnore: true */ dataDir, "keys", "appointments.key");
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
