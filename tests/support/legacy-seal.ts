/** A value sealed the way the site did before key ids (format v1), to prove such rows stay readable. */
import { createCipheriv, randomBytes } from "node:crypto";
import { deriveKeys } from "@/lib/appointments/crypto";

export function sealedAsV1(masterKey: Buffer, plaintext: string, recordId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKeys(masterKey).encryption.current.key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(recordId, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), body.toString("base64"), cipher.getAuthTag().toString("base64")].join(".");
}
