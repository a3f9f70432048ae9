/**
 * Staff accounts for tests, made the way the site makes them: Better Auth (lib/staff/auth-config.ts) on the
 * store's own database, with keys derived from a random master key. No Next.
 */
import { randomBytes } from "node:crypto";
import { parseSetCookieHeader } from "better-auth/cookies";
import { deriveKeys } from "@/lib/appointments/crypto";
import type { AppointmentStore } from "@/lib/appointments/store";
import { parseServerEnv } from "@/lib/env";
import { createStaffAuth, type StaffAuth } from "@/lib/staff/auth-config";
import type { StaffContext } from "@/lib/staff/context";

export const TEST_SITE_URL = "https://clinic.example";

/**
 * A staff context on `store`, as the server builds one (lib/staff/auth.ts) but without Next's cookie plugin; with
 * the keys of `masterKeys` (the current first), or a random one.
 */
export function testStaffContext(store: AppointmentStore, { now, masterKeys }: { now?: () => Date; masterKeys?: Buffer[] } = {}): StaffContext {
  const keys = deriveKeys(masterKeys ?? randomBytes(32));
  const env = parseServerEnv({ SITE_URL: TEST_SITE_URL, DATA_DIR: "/nowhere" });
  return { auth: createStaffAuth(store.authDatabase, { baseURL: env.SITE_URL, secrets: keys.staffAuth }), store, keys, env, now };
}

/** A staff_user row (nothing more: no password, no authenticator), for what refers to one by id. */
export async function insertStaffUser(auth: StaffAuth, { name, email }: { name: string; email: string }): Promise<string> {
  const user = await (await auth.$context).internalAdapter.createUser({ name, email, emailVerified: true }, { method: "admin" });
  return user.id;
}

/**
 * A person with a password and two-factor on, signed in (as the code step leaves them): the Cookie header their
 * browser sends with every request to the inbox.
 */
export async function signedInStaff(
  context: StaffContext,
  { name, email, role = "staff" }: { name: string; email: string; role?: "admin" | "staff" },
): Promise<{ id: string; cookie: string }> {
  const password = "quiet Lantern orbit 47 meadow";
  const authContext = await context.auth.$context;
  const user = await authContext.internalAdapter.createUser({ name, email, role, emailVerified: true, twoFactorEnabled: false, banned: false }, { method: "admin" });
  await authContext.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await authContext.password.hash(password) });
  const signedIn = await context.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  await authContext.internalAdapter.updateUser(user.id, { twoFactorEnabled: true });
  const cookies = parseSetCookieHeader(signedIn.headers.get("set-cookie") ?? "");
  return { id: user.id, cookie: [...cookies].map(([cookieName, { value }]) => `${cookieName}=${value}`).join("; ") };
}
