/**
 * Staff accounts for tests, made the way the site makes them: Better Auth (lib/staff/auth-config.ts) on the
 * store's own database, with keys derived from a random master key. No Next.
 */
import { randomBytes } from "node:crypto";
import { deriveKeys } from "@/lib/appointments/crypto";
import type { AppointmentStore } from "@/lib/appointments/store";
import { parseServerEnv } from "@/lib/env";
import { createStaffAuth, type StaffAuth } from "@/lib/staff/auth-config";
import type { StaffContext } from "@/lib/staff/context";

export const TEST_SITE_URL = "https://clinic.example";

/** A staff context on `store`, as the server builds one (lib/staff/auth.ts) but without Next's cookie plugin. */
export function testStaffContext(store: AppointmentStore, { now }: { now?: () => Date } = {}): StaffContext {
  const keys = deriveKeys(randomBytes(32));
  const env = parseServerEnv({ SITE_URL: TEST_SITE_URL, DATA_DIR: "/nowhere" });
  return { auth: createStaffAuth(store.authDatabase, { baseURL: env.SITE_URL, secrets: keys.staffAuth }), store, keys, env, now };
}

/** A staff_user row (nothing more: no password, no authenticator), for what refers to one by id. */
export async function insertStaffUser(auth: StaffAuth, { name, email }: { name: string; email: string }): Promise<string> {
  const user = await (await auth.$context).internalAdapter.createUser({ name, email, emailVerified: true }, { method: "admin" });
  return user.id;
}
