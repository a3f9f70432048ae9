/**
 * Enrollment: from the one-time link an admin gave, the person sets a password, then turns on two-factor with an
 * authenticator app (a QR code, and the same key as text for a screen reader or for typing), proves it with a
 * code, and sees their recovery codes once. Only then can they sign in. Better Auth stores the password and the
 * authenticator key (sealed); this module decides the order of the steps.
 */
import { parseSetCookieHeader } from "better-auth/cookies";
import { APIError } from "better-auth/api";
import { renderSVG } from "uqr";
import { clearSignIn, enrollmentTokenHash } from "./accounts";
import { recordAudit } from "./audit";
import { auditContext, timeNow, type StaffContext } from "./context";
import { newPasswordSchema } from "./password-policy";
import { markCodeUsed, type RequestOrigin } from "./sign-in";

export interface TwoFactorSetup {
  /** The otpauth:// address the QR code holds. */
  totpURI: string;
  /** The authenticator key as text, in groups of four for reading and typing. */
  secretGroups: string[];
  /** The QR code as an image address (an SVG drawn on the server). */
  qrImage: string;
  backupCodes: string[];
}

export type EnrollmentState =
  | { step: "password"; errors?: { password?: string; confirmPassword?: string } }
  | { step: "two-factor"; setup: TwoFactorSetup; error?: string }
  | { step: "done"; backupCodes: string[] }
  | { step: "link-invalid" }
  | { step: "restart"; error?: string };

/** The person an enrollment link is for, while it is unused and unexpired. */
export async function enrollmentUser(context: StaffContext, token: string) {
  if (!token) return undefined;
  const userId = await context.store.findEnrollment(enrollmentTokenHash(token), timeNow(context).toISOString());
  if (!userId) return undefined;
  const user = (await (await context.auth.$context).internalAdapter.findUserById(userId)) as
    | ({ banned?: boolean | null } & Awaited<ReturnType<Awaited<typeof context.auth.$context>["internalAdapter"]["findUserById"]>>)
    | null;
  // A disabled account's link is dead too: an admin must enable the account and send a new one.
  return user && !user.banned ? user : undefined;
}

function twoFactorSetup(totpURI: string, backupCodes: string[]): TwoFactorSetup {
  const secret = new URL(totpURI).searchParams.get("secret") ?? "";
  const svg = renderSVG(totpURI, { border: 2, pixelSize: 6 });
  return {
    totpURI,
    secretGroups: secret.match(/.{1,4}/g) ?? [],
    qrImage: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    backupCodes,
  };
}

/** The cookies a Better Auth response sets, as the Cookie header of the next call. */
function cookieHeaderFrom(responseHeaders: Headers): Headers {
  const cookies = parseSetCookieHeader(responseHeaders.get("set-cookie") ?? "");
  return new Headers({ cookie: [...cookies].map(([name, { value }]) => `${name}=${value}`).join("; ") });
}

/**
 * Step one: the password. The link is used up only once the password is acceptable, so a rejected password does
 * not cost the person their link. Signs them in (a session that can do nothing but finish enrollment) and starts
 * the authenticator setup.
 */
export async function setEnrollmentPassword(
  context: StaffContext,
  input: { token: string; password: string; confirmPassword: string },
  origin: RequestOrigin,
): Promise<EnrollmentState> {
  const user = await enrollmentUser(context, input.token);
  if (!user) {
    await recordAudit(auditContext(context), { actor: { attemptedEmail: "(enrollment link)" }, action: "enrollment-link-refused", clientAddress: origin.clientAddress });
    return { step: "link-invalid" };
  }
  const parsed = await newPasswordSchema(user.email).safeParseAsync(input);
  if (!parsed.success) {
    const errors: { password?: string; confirmPassword?: string } = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "confirmPassword" ? "confirmPassword" : "password";
      errors[field] ??= issue.message;
    }
    return { step: "password", errors };
  }
  const now = timeNow(context).toISOString();
  if ((await context.store.consumeEnrollment(enrollmentTokenHash(input.token), now)) !== user.id) return { step: "link-invalid" };

  // Whatever the account had before (a reset leaves nothing, but a link may race a reset): start clean.
  await clearSignIn(context, user.id);
  const authContext = await context.auth.$context;
  await authContext.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await authContext.password.hash(parsed.data.password),
  });
  await recordAudit(auditContext(context), { actor: { id: user.id, email: user.email }, action: "enrollment-password", clientAddress: origin.clientAddress });

  // Not "remembered", as at sign-in (./sign-in.ts): the cookie ends with the browser. Better Auth also remembers
  // that choice in a cookie of its own, so the session that replaces this one once two-factor is on does the same.
  const signedIn = await context.auth.api.signInEmail({
    body: { email: user.email, password: parsed.data.password, rememberMe: false },
    headers: origin.headers,
    returnHeaders: true,
  });
  const enabled = await context.auth.api.enableTwoFactor({
    body: { password: parsed.data.password },
    headers: cookieHeaderFrom(signedIn.headers),
  });
  if (!("totpURI" in enabled) || !enabled.totpURI) throw new Error("Better Auth did not return an authenticator key");
  return { step: "two-factor", setup: twoFactorSetup(enabled.totpURI, enabled.backupCodes ?? []) };
}

/** Back on the enrollment page without the setup on screen (a reload): a new key, after the password again. */
export async function restartTwoFactor(
  context: StaffContext,
  password: string,
  actor: { id: string; email: string },
  origin: RequestOrigin,
): Promise<EnrollmentState> {
  try {
    const enabled = await context.auth.api.enableTwoFactor({ body: { password }, headers: origin.headers });
    if (!("totpURI" in enabled) || !enabled.totpURI) throw new Error("Better Auth did not return an authenticator key");
    await recordAudit(auditContext(context), { actor, action: "enrollment-restart", clientAddress: origin.clientAddress });
    return { step: "two-factor", setup: twoFactorSetup(enabled.totpURI, enabled.backupCodes ?? []) };
  } catch (error) {
    if (error instanceof APIError) return { step: "restart", error: "That password is not right. Type the password you just chose." };
    throw error;
  }
}

/** Step two: a code from the app proves it holds the key; two-factor is on from now, and the person is signed in. */
export async function confirmTwoFactor(
  context: StaffContext,
  input: { code: string; setup: TwoFactorSetup },
  actor: { id: string; email: string },
  origin: RequestOrigin,
): Promise<EnrollmentState> {
  const code = input.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { step: "two-factor", setup: input.setup, error: "Enter the 6-digit code your app shows now." };
  // Used up like a sign-in's code, and before it is checked: whoever sees it typed here cannot sign in with it,
  // not even at the same moment.
  if (!(await markCodeUsed(context, actor.id, code))) {
    return { step: "two-factor", setup: input.setup, error: "That code was used already. Wait for the next code your app shows, then type that one." };
  }
  try {
    await context.auth.api.verifyTOTP({ body: { code }, headers: origin.headers });
  } catch (error) {
    if (error instanceof APIError) {
      return { step: "two-factor", setup: input.setup, error: "That code did not work. Codes change every 30 seconds: type the one your app shows now." };
    }
    throw error;
  }
  await recordAudit(auditContext(context), { actor, action: "enrollment-two-factor", clientAddress: origin.clientAddress });
  return { step: "done", backupCodes: input.setup.backupCodes };
}
