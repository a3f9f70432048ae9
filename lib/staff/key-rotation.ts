/**
 * Key rotation for what the staff side seals. Better Auth keeps each person's authenticator key and recovery codes
 * encrypted with a secret derived from the appointment keys (`staffAuth`, lib/appointments/crypto.ts), in an
 * envelope that names the secret's version. `npm run requests -- rotate-key` re-seals them here under the current
 * key, as it re-seals the requests, so the old key can leave APPOINTMENTS_KEYS and staff still sign in. Better
 * Auth's own functions open and seal them: the format stays its business.
 */
import { parseEnvelope, symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import type { DerivedKeys } from "@/lib/appointments/crypto";
import type { StaffAuth } from "./auth-config";

interface TwoFactorRow {
  id: string;
  secret: string;
  backupCodes: string;
}

/** Another writer changed a row this many times in a row while it was being re-sealed: give up, say to run again. */
const ATTEMPTS_PER_ROW = 5;

async function secretsOf(auth: StaffAuth) {
  const authContext = await auth.$context;
  const key = authContext.secretConfig;
  // The site always gives Better Auth its secrets as a list (lib/staff/auth-config.ts), never one bare secret.
  if (typeof key === "string") throw new Error("Better Auth was given one secret, not the versioned list derived from the keys");
  return { adapter: authContext.adapter, key };
}

/** How many people's authenticators each key seals, by key id; one sealed by a key not given is counted under `version N`. */
export async function authenticatorsByKeyId(auth: StaffAuth, keys: DerivedKeys): Promise<Map<string, number>> {
  const { adapter } = await secretsOf(auth);
  const keyIdOfVersion = new Map(keys.staffAuth.map(({ version, keyId }) => [version, keyId]));
  const counts = new Map<string, number>();
  for (const row of await adapter.findMany<TwoFactorRow>({ model: "twoFactor" })) {
    const version = parseEnvelope(row.secret)?.version;
    const id = (version !== undefined && keyIdOfVersion.get(version)) || `version ${version ?? "unknown"}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Re-seals every authenticator key and set of recovery codes not sealed under the current key; returns how many
 * people's were rewritten. Each row is written only if it is still what was read (a recovery code used meanwhile
 * changes it: it is read again), so a used recovery code never comes back. Safe to run again.
 */
export async function resealAuthenticators(auth: StaffAuth): Promise<number> {
  const { adapter, key } = await secretsOf(auth);
  const reseal = async (sealed: string) =>
    parseEnvelope(sealed)?.version === key.currentVersion ? sealed : symmetricEncrypt({ key, data: await symmetricDecrypt({ key, data: sealed }) });
  let rewritten = 0;
  for (const listed of await adapter.findMany<TwoFactorRow>({ model: "twoFactor" })) {
    let row: TwoFactorRow | null = listed;
    for (let attempt = 1; row; attempt += 1) {
      const update = { secret: await reseal(row.secret), backupCodes: await reseal(row.backupCodes) };
      if (update.secret === row.secret && update.backupCodes === row.backupCodes) break;
      const where = [
        { field: "id", value: row.id },
        { field: "secret", value: row.secret },
        { field: "backupCodes", value: row.backupCodes },
      ];
      if ((await adapter.updateMany({ model: "twoFactor", where, update })) === 1) {
        rewritten += 1;
        break;
      }
      if (attempt === ATTEMPTS_PER_ROW) throw new Error("A staff account's authenticator kept changing while it was re-sealed: run rotate-key again.");
      row = await adapter.findOne<TwoFactorRow>({ model: "twoFactor", where: [{ field: "id", value: row.id }] });
    }
  }
  return rewritten;
}
