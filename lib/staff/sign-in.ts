/**
 * Signing in, in two steps: email and password, then the 6-digit code from the authenticator app (or a recovery
 * code). Better Auth checks both; this module adds the lockout and the audit log, and decides what the person is
 * told: never which part was wrong, never whether an account exists.
 */
import { timingSafeEqual } from "node:crypto";
import { APIError } from "better-auth/api";
import { keyedHash } from "@/lib/appointments/crypto";
import { z } from "zod";
import { recordAudit, type AuditActor } from "./audit";
import { auditContext, timeNow, type StaffContext } from "./context";
import { beginAttempt, clearAccountFailures, isLockedOut, lockoutKeys, LOCKOUT_MINUTES, releaseAttempt, type LockoutKeys } from "./lockout";

export interface RequestOrigin {
  headers: Headers;
  clientAddress: string;
}

export type SignInState =
  | { step: "password"; email?: string; error?: string }
  | { step: "code"; email: string; error?: string }
  | { step: "done" };

/** What the audit log says of an attempt at an email no account has. */
export const UNKNOWN_ACCOUNT = "(no such account)";

export const SIGN_IN_MESSAGES = {
  wrong: "That email and password do not match an account that can sign in. Check them and try again.",
  wrongCode: "That code did not work. Codes change every 30 seconds: type the one your app shows now, or a recovery code.",
  locked: `Too many tries. Sign-in is paused for ${LOCKOUT_MINUTES} minutes. If you need to get in now, ask an admin.`,
  expired: "That took too long. Please enter your email and password again.",
  codeUsed: "That code was used already. Enter your email and password again, then the next code your app shows.",
  unfinished: "This account's setup is not finished. Ask an admin for a new enrollment link.",
} as const;

const credentialsSchema = z.object({ email: z.string().trim().max(254), password: z.string().max(1000) });
const codeSchema = z.object({ code: z.string().max(100) });

/** How long an authenticator code stays usable (Better Auth accepts the current one and its neighbours), with room. */
const CODE_REUSE_WINDOW_MS = 2 * 60 * 1000;

/**
 * Marks an authenticator code as used by this person for as long as it could still be accepted, so that it opens
 * one session only; false when it was used already. Every code typed at sign-in or at enrollment goes through here.
 */
export function markCodeUsed(context: StaffContext, userId: string, code: string): Promise<boolean> {
  return context.store.claimAuthenticatorCode(userId, code, timeNow(context).getTime(), CODE_REUSE_WINDOW_MS);
}

/**
 * Between the two steps, which account passed the password step: in a signed cookie of ours, set by the sign-in
 * action, never in a form field a client could change (its lockout and audit entries would go to someone else).
 */
export const PENDING_SIGN_IN_COOKIE = "mocek-staff.pending";

export function pendingSignInValue(context: StaffContext, email: string): string {
  const encoded = Buffer.from(email, "utf8").toString("base64url");
  return `${encoded}.${keyedHash(context.keys.ipHash, `pending-sign-in:${encoded}`)}`;
}

export function emailFromPendingSignIn(context: StaffContext, value: string | undefined): string | undefined {
  const [encoded, signature, extra] = (value ?? "").split(".");
  if (!encoded || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(keyedHash(context.keys.ipHash, `pending-sign-in:${encoded}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Buffer.from(encoded, "base64url").toString("utf8");
}

function errorCode(error: unknown): string | undefined {
  return error instanceof APIError ? (error.body as { code?: string } | undefined)?.code : undefined;
}

/**
 * Who a failed attempt was at: the account, when one has that email. Anything else typed into the box (a mistyped
 * address, a password in the wrong box, a stranger's text) is never written to the log.
 */
async function attemptedBy(context: StaffContext, email: string): Promise<AuditActor> {
  const found = z.email().safeParse(email).success
    ? await (await context.auth.$context).internalAdapter.findUserByEmail(email.toLowerCase())
    : null;
  return found ? { attemptedEmail: found.user.email, id: found.user.id } : { attemptedEmail: UNKNOWN_ACCOUNT };
}

/**
 * Either step's start: the attempt counts as failed before the password or code is checked (./lockout.ts), so that
 * guesses sent all at once cannot all be checked. Refused, and audited, when the account or the address is locked.
 */
async function startAttempt(
  context: StaffContext,
  keys: LockoutKeys,
  email: string,
  origin: RequestOrigin,
): Promise<{ attemptId: string } | { refused: SignInState }> {
  const attemptId = await beginAttempt(context, keys);
  if (attemptId) return { attemptId };
  await recordAudit(auditContext(context), { actor: await attemptedBy(context, email), action: "sign-in-locked", clientAddress: origin.clientAddress });
  return { refused: { step: "password", email, error: SIGN_IN_MESSAGES.locked } };
}

/** A failed attempt at either step, in the audit log with what failed (it counts toward the lockout since it began). */
async function auditFailedAttempt(context: StaffContext, actor: AuditActor, detail: string, origin: RequestOrigin): Promise<void> {
  await recordAudit(auditContext(context), { actor, action: "sign-in-failed", detail, clientAddress: origin.clientAddress });
}

export async function signInWithPassword(context: StaffContext, input: unknown, origin: RequestOrigin): Promise<SignInState> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { step: "password", error: SIGN_IN_MESSAGES.wrong };
  const { email, password } = parsed.data;
  const keys = lockoutKeys(context, email, origin.clientAddress);
  const attempt = await startAttempt(context, keys, email, origin);
  if ("refused" in attempt) return attempt.refused;
  let result: Awaited<ReturnType<typeof context.auth.api.signInEmail>>;
  try {
    // Not "remembered": the session cookie ends with the browser (a shared front-desk computer), and the
    // session itself after 12 hours (./session.ts).
    result = await context.auth.api.signInEmail({ body: { email, password, rememberMe: false }, headers: origin.headers });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await auditFailedAttempt(context, await attemptedBy(context, email), `password step (${errorCode(error) ?? error.status})`, origin);
    return { step: "password", email, error: SIGN_IN_MESSAGES.wrong };
  }
  // The right password counts for nothing: the code step counts its own attempt.
  await releaseAttempt(context, attempt.attemptId);
  if ("twoFactorRedirect" in result && result.twoFactorRedirect) return { step: "code", email };
  // A password but no authenticator: an enrollment left half-way. The session just made must not count.
  if ("token" in result && result.token) await (await context.auth.$context).internalAdapter.deleteSession(result.token);
  return { step: "password", email, error: SIGN_IN_MESSAGES.unfinished };
}

/** The second step. `email`: the account that passed the first, from our signed cookie (not from the form). */
export async function signInWithCode(context: StaffContext, email: string | undefined, input: unknown, origin: RequestOrigin): Promise<SignInState> {
  const parsed = codeSchema.safeParse(input);
  if (!parsed.success || !email) return { step: "password", error: SIGN_IN_MESSAGES.expired };
  const code = parsed.data.code.replace(/\s+/g, "");
  // Six digits: from the authenticator app; anything else is tried as a recovery code.
  const isAuthenticatorCode = /^\d{6}$/.test(code);
  const keys = lockoutKeys(context, email, origin.clientAddress);
  const attempt = await startAttempt(context, keys, email, origin);
  if ("refused" in attempt) return attempt.refused;
  let signedIn: { token?: string; user: { id: string; email: string } };
  try {
    const body = { code, trustDevice: false };
    signedIn = isAuthenticatorCode
      ? await context.auth.api.verifyTOTP({ body, headers: origin.headers })
      : await context.auth.api.verifyBackupCode({ body, headers: origin.headers });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (errorCode(error) === "INVALID_TWO_FACTOR_COOKIE") {
      // No sign-in was waiting for a code (it expired, or was used): Better Auth checked no code.
      await releaseAttempt(context, attempt.attemptId);
      return { step: "password", email, error: SIGN_IN_MESSAGES.expired };
    }
    await auditFailedAttempt(context, await attemptedBy(context, email), `code step (${errorCode(error) ?? error.status})`, origin);
    const lockedNow = errorCode(error) === "ACCOUNT_TEMPORARILY_LOCKED" || (await isLockedOut(context, keys));
    return lockedNow ? { step: "password", email, error: SIGN_IN_MESSAGES.locked } : { step: "code", email, error: SIGN_IN_MESSAGES.wrongCode };
  }
  if (isAuthenticatorCode && !(await markCodeUsed(context, signedIn.user.id, code))) {
    // The same code twice: a second person who saw it. The session just made must not count.
    if (signedIn.token) await (await context.auth.$context).internalAdapter.deleteSession(signedIn.token);
    const owner = { attemptedEmail: signedIn.user.email, id: signedIn.user.id };
    await auditFailedAttempt(context, owner, "code step (a code already used)", origin);
    return { step: "password", email, error: SIGN_IN_MESSAGES.codeUsed };
  }
  // Signed in: this attempt counts for nothing, and the account's earlier failures are forgiven.
  await releaseAttempt(context, attempt.attemptId);
  await clearAccountFailures(context, keys);
  await recordAudit(auditContext(context), {
    actor: { id: signedIn.user.id, email: signedIn.user.email },
    action: "sign-in",
    detail: isAuthenticatorCode ? undefined : "with a recovery code",
    clientAddress: origin.clientAddress,
  });
  return { step: "done" };
}

export async function signOut(context: StaffContext, origin: RequestOrigin, actor: { id: string; email: string }, { everywhere = false } = {}) {
  if (everywhere) await context.auth.api.revokeSessions({ headers: origin.headers });
  await context.auth.api.signOut({ headers: origin.headers });
  await recordAudit(auditContext(context), {
    actor,
    action: everywhere ? "sign-out-everywhere" : "sign-out",
    clientAddress: origin.clientAddress,
  });
}
