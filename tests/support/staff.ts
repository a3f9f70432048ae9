/**
 * Staff accounts for tests, made the way the site makes them: Better Auth (lib/staff/auth-config.ts) on the
 * store's own database, with keys derived from a random master key. No Next.
 */
import { randomBytes } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { parseSetCookieHeader } from "better-auth/cookies";
import * as OTPAuth from "otpauth";
import { deriveKeys } from "@/lib/appointments/crypto";
import type { AppointmentStore } from "@/lib/appointments/store";
import { parseServerEnv } from "@/lib/env";
import { createStaffAuth, type StaffAuth } from "@/lib/staff/auth-config";
import type { StaffContext } from "@/lib/staff/context";
import { confirmTwoFactor, enrollmentUser, setEnrollmentPassword, type TwoFactorSetup } from "@/lib/staff/enrollment";
import type { RequestOrigin } from "@/lib/staff/sign-in";

export const TEST_SITE_URL = "https://clinic.example";

/**
 * A staff context on `store`, as the server builds one (lib/staff/auth.ts) but without Next's cookie plugin; with
 * the keys of `masterKeys` (the current first), or a random one. With `browser`, the cookies Better Auth sets go to
 * that test browser instead, as Next's plugin sends them to the real one.
 */
export function testStaffContext(
  store: AppointmentStore,
  { now, masterKeys, browser }: { now?: () => Date; masterKeys?: Buffer[]; browser?: TestBrowser } = {},
): StaffContext {
  const keys = deriveKeys(masterKeys ?? randomBytes(32));
  const env = parseServerEnv({ SITE_URL: TEST_SITE_URL, DATA_DIR: "/nowhere" });
  const plugins = browser ? [browser.plugin] : [];
  return { auth: createStaffAuth(store.authDatabase, { baseURL: env.SITE_URL, secrets: keys.staffAuth }, plugins), store, keys, env, now };
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

/** One Set-Cookie as the browser received it. */
export interface ReceivedCookie {
  name: string;
  value: string;
  "max-age"?: number;
  expires?: Date;
}

/**
 * One person's browser, for tests below the browser: it keeps the cookies Better Auth sets during the calls the
 * staff pages make (what Next's nextCookies plugin hands to the real browser) and sends them with the next request.
 */
export class TestBrowser {
  /** Every cookie set, oldest first, with its attributes: what a test checks of a cookie's lifetime. */
  readonly received: ReceivedCookie[] = [];
  private readonly jar = new Map<string, string>();

  readonly plugin: BetterAuthPlugin = {
    id: "test-browser",
    hooks: {
      after: [
        {
          matcher: () => true,
          handler: createAuthMiddleware(async (ctx) => {
            const setCookie = (ctx.context.responseHeaders as Headers | undefined)?.get("set-cookie");
            if (setCookie) this.receive(setCookie);
          }),
        },
      ],
    },
  };

  receive(setCookie: string) {
    for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
      this.received.push({ name, ...attributes });
      const expired = attributes["max-age"] !== undefined && attributes["max-age"] <= 0;
      if (expired || attributes.value === "") this.jar.delete(name);
      else this.jar.set(name, attributes.value);
    }
  }

  /** A request from this browser: its cookies, from `clientAddress`. */
  from(clientAddress: string): RequestOrigin {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    return { headers: new Headers(cookie ? { cookie } : {}), clientAddress };
  }
}

/** The password every test account gets. */
export const TEST_STAFF_PASSWORD = "quiet Lantern orbit 47 meadow";

/**
 * What a new person does with their link, in `browser` (whose context it must be): a password, then the code their
 * authenticator app shows. Returns the app (for later codes) and the code that turned two-factor on.
 */
export async function enrollThroughLink(context: StaffContext, browser: TestBrowser, link: string, clientAddress = "198.51.100.7") {
  const token = new URL(link).searchParams.get("token")!;
  const person = await enrollmentUser(context, token);
  if (!person) throw new Error(`The enrollment link ${link} does not work`);
  const step = await setEnrollmentPassword(context, { token, password: TEST_STAFF_PASSWORD, confirmPassword: TEST_STAFF_PASSWORD }, browser.from(clientAddress));
  if (step.step !== "two-factor") throw new Error(`Enrollment stopped at ${JSON.stringify(step)}`);
  const setup: TwoFactorSetup = step.setup;
  const app = OTPAuth.URI.parse(setup.totpURI) as OTPAuth.TOTP;
  const enrollmentCode = app.generate();
  const done = await confirmTwoFactor(context, { code: enrollmentCode, setup }, { id: person.id, email: person.email }, browser.from(clientAddress));
  if (done.step !== "done") throw new Error(`Enrollment stopped at ${JSON.stringify(done)}`);
  return { userId: person.id, email: person.email, app, enrollmentCode, setup };
}
