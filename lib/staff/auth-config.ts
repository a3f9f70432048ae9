/**
 * Staff sign-in, in one place: Better Auth's settings for the inbox. Better Auth hashes passwords, keeps sessions
 * and checks authenticator codes; nothing of that is written here. What is ours: who may sign in (no sign-up,
 * accounts come from an admin or `npm run staff`), how long a session lives, and where its tables are.
 *
 * Used by the server (lib/staff/auth.ts adds Next's cookie handling) and by the command-line tool, which has no
 * Next around it.
 */
import { betterAuth, type BetterAuthOptions, type BetterAuthPlugin } from "better-auth";
import { admin } from "better-auth/plugins/admin";
import { twoFactor } from "better-auth/plugins/two-factor";
import type { AuthDatabase } from "@/lib/appointments/store";
import { logEvent } from "@/lib/log";
import { STAFF_PATH } from "./paths";

export interface StaffAuthSettings {
  /** The site's public address (SITE_URL): sessions use Secure cookies when it is https. */
  baseURL: string;
  /** Derived from the appointment keys (lib/appointments/crypto.ts), current first: rotating a key keeps old ones readable. */
  secrets: { version: number; value: string }[];
}

/** A session ends 12 hours after sign-in, whatever happens; idle time is checked on each request (./session.ts). */
export const SESSION_HOURS = 12;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export function staffAuthOptions(database: AuthDatabase, settings: StaffAuthSettings, extraPlugins: BetterAuthPlugin[] = []) {
  return {
    appName: "Mocek Spine staff inbox",
    baseURL: settings.baseURL,
    // Never mounted as a route: the inbox calls Better Auth on the server (auth.api) from its own actions, so
    // there is no public auth endpoint to probe.
    basePath: `${STAFF_PATH}/auth`,
    secrets: settings.secrets,
    database: { db: database.db, type: database.type },
    telemetry: { enabled: false },
    // Better Auth's own lines ("Invalid password", "User not found") go through the site's log, as JSON like every
    // other line, and only their message: the extra arguments may hold an account's details. Failed sign-ins are
    // in the audit log, with who and from where; the server log needs no more than the count of them.
    logger: {
      level: "warn",
      log: (level, message) => logEvent(level === "error" ? "error" : "warn", "staff.auth", { message: message.slice(0, 200) }),
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an admin, never by whoever finds the sign-in page.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: false,
    },
    user: { modelName: "staff_user" },
    account: { modelName: "staff_account" },
    verification: { modelName: "staff_verification" },
    session: {
      modelName: "staff_session",
      expiresIn: SESSION_HOURS * 60 * 60,
      // An absolute limit: activity never pushes the end of a session later.
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
    },
    // Failed sign-ins are counted in the database (./lockout.ts), per account and per address, across servers.
    rateLimit: { enabled: false },
    // A session row keeps no address and no browser description: the audit log has the sign-in with a keyed hash
    // of the address, and nothing reads them back (Better Auth stores them for its session lists, which the inbox
    // does not use). Minimum necessary: none, rather than a hash nobody needs.
    databaseHooks: {
      session: { create: { before: async (session) => ({ data: { ...session, ipAddress: null, userAgent: null } }) } },
    },
    advanced: {
      // Better Auth would read the address from the left of X-Forwarded-For, where a client can write; the site
      // counts from the right (lib/client-address.ts), and Better Auth needs none: its rate limit is off too.
      ipAddress: { disableIpTracking: true },
      cookiePrefix: "mocek-staff",
      useSecureCookies: settings.baseURL.startsWith("https:"),
      // The session cookie goes to the inbox only, never with a patient's page view. Lax, not Strict: Strict keeps
      // it off every visit that starts on another site, the staff email's link opened in webmail included, which
      // would then ask for the password and a code each time (and leave the first session open beside a new one).
      // A link followed from elsewhere comes with the cookie, then, and the server tells it apart instead
      // (lib/security/same-origin.ts, ./session.ts): it opens and records nothing until the person taps "Open request" on the
      // inbox's own page. Posts need no cookie rule: any post not from SITE_URL is refused (proxy.ts).
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: STAFF_PATH },
    },
    plugins: [
      twoFactor({
        issuer: "Mocek Spine",
        schema: { twoFactor: { modelName: "staff_two_factor" } },
        // Better Auth's own count of wrong codes per account, beside ours per account and address (./lockout.ts).
        accountLockout: { enabled: true, maxFailedAttempts: 5, durationSeconds: 15 * 60 },
      }),
      admin({ defaultRole: "staff", adminRoles: ["admin"] }),
      ...extraPlugins,
    ],
  } satisfies BetterAuthOptions;
}

export function createStaffAuth(database: AuthDatabase, settings: StaffAuthSettings, extraPlugins: BetterAuthPlugin[] = []) {
  return betterAuth(staffAuthOptions(database, settings, extraPlugins));
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
