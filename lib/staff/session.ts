/**
 * Who is signed in, checked on the server by every staff page and every staff action (never only in the page's
 * buttons): a session Better Auth knows, of an account that is neither disabled nor half-enrolled, used within
 * STAFF_IDLE_MINUTES (HIPAA's automatic logoff) and at most 12 hours old (Better Auth's own expiry). Anything else
 * goes to the sign-in page, which says nothing of what was asked for. It also says, once for every page and
 * action, whether the request came from the inbox's own pages (`fromOwnPages`): the session cookie comes with a
 * link followed from any website, and only the inbox itself may open a patient's details or write the audit log.
 */
import { headers as requestHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { recordAudit } from "./audit";
import { getStaffContext, requestOrigin } from "./auth";
import { SESSION_HOURS } from "./auth-config";
import { auditContext, timeNow, type StaffContext } from "./context";
import type { StaffRole } from "./accounts";
import { STAFF_ENROLL_PATH, STAFF_REQUESTS_PATH, STAFF_SIGN_IN_PATH } from "./paths";
import { isOwnNavigation } from "@/lib/security/same-origin";

export interface SignedInStaff {
  context: StaffContext;
  user: { id: string; email: string; name: string; role: StaffRole };
  clientAddress: string;
  /**
   * This request came from the inbox's own pages, or from an address typed, bookmarked or opened from a mail app
   * (lib/security/same-origin.ts); false for a link followed on another website. Only then may a page open a patient's
   * details or write the audit log in this person's name (lib/staff/inbox.ts refuses otherwise).
   */
  fromOwnPages: boolean;
}

/** Where to go after signing in: only a page of the inbox, so the link cannot send anyone elsewhere. */
export function safeReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/staff\/[A-Za-z0-9\-/]*$/.test(value) && !value.includes("//") ? value : STAFF_REQUESTS_PATH;
}

export function signInPath({ returnTo, reason }: { returnTo?: string; reason?: "idle" | "signed-out" } = {}): string {
  const query = new URLSearchParams();
  if (returnTo && returnTo !== STAFF_REQUESTS_PATH) query.set("next", safeReturnPath(returnTo));
  if (reason) query.set("reason", reason);
  const search = query.toString();
  return search ? `${STAFF_SIGN_IN_PATH}?${search}` : STAFF_SIGN_IN_PATH;
}

type SessionCheck =
  | { status: "signed-in"; staff: SignedInStaff }
  | { status: "enrolling"; staff: SignedInStaff }
  | { status: "signed-out"; reason?: "idle" };

/** Reads and checks the session once per request (React's cache), and marks it as used. */
const checkSession = cache(async (): Promise<SessionCheck> => {
  // The request's headers first: this marks the page as rendered per request before anything opens the store.
  await requestHeaders();
  const context = await getStaffContext();
  const { headers, clientAddress } = await requestOrigin(context);
  const found = await context.auth.api.getSession({ headers });
  if (!found) return { status: "signed-out" };
  const authContext = await context.auth.$context;
  const user = found.user as typeof found.user & { role?: string | null; banned?: boolean | null; twoFactorEnabled?: boolean | null };
  if (user.banned) {
    await authContext.internalAdapter.deleteUserSessions(user.id);
    return { status: "signed-out" };
  }
  const staff: SignedInStaff = {
    context,
    user: { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "staff" },
    clientAddress,
    fromOwnPages: isOwnNavigation(headers, context.env.SITE_URL),
  };
  const now = timeNow(context).getTime();
  const startedAt = new Date(found.session.createdAt).getTime();
  // 12 hours after sign-in, whatever the cookie says (a browser-session cookie has no end of its own).
  if (now - startedAt > SESSION_HOURS * 60 * 60 * 1000) {
    await authContext.internalAdapter.deleteSession(found.session.token);
    return { status: "signed-out" };
  }
  // Idle time counts for every session, the one enrollment opens too.
  const idleMs = context.env.STAFF_IDLE_MINUTES * 60 * 1000;
  if ((await context.store.touchSession(found.session.id, now, idleMs, startedAt)) === "idle") {
    await authContext.internalAdapter.deleteSession(found.session.token);
    await recordAudit(auditContext(context), { actor: staff.user, action: "session-idle", clientAddress });
    return { status: "signed-out", reason: "idle" };
  }
  if (!user.twoFactorEnabled) return { status: "enrolling", staff };
  return { status: "signed-in", staff };
});

/** The signed-in person, or a redirect to sign-in (back to `returnTo` afterwards). */
export async function requireStaff({ returnTo }: { returnTo?: string } = {}): Promise<SignedInStaff> {
  const check = await checkSession();
  if (check.status === "signed-in") return check.staff;
  if (check.status === "enrolling") redirect(STAFF_ENROLL_PATH);
  redirect(signInPath({ returnTo, reason: check.reason }));
}

/**
 * A staff member asked for what only admins may do (`attempt`, in words: "open the audit log"): into the audit
 * log, with who and from where, for an admin to notice someone trying. Not for a link followed from another
 * website: the person did not ask, and another site must not write the log in their name.
 */
export async function recordAdminRefusal(staff: SignedInStaff, attempt: string): Promise<void> {
  if (!staff.fromOwnPages) return;
  await recordAudit(auditContext(staff.context), { actor: staff.user, action: "admin-refused", detail: attempt, clientAddress: staff.clientAddress });
}

/**
 * An admin; a signed-out visitor is sent to sign-in, a signed-in staff member to the inbox with "Only admins…",
 * and the refusal of `attempt` is audited.
 */
export async function requireAdmin({ returnTo, attempt }: { returnTo?: string; attempt: string }): Promise<SignedInStaff> {
  const staff = await requireStaff({ returnTo });
  if (staff.user.role !== "admin") {
    await recordAdminRefusal(staff, attempt);
    redirect(`${STAFF_REQUESTS_PATH}?refused=admin`);
  }
  return staff;
}

/** The session of someone half-way through enrollment (password set, two-factor not yet on), if that is who this is. */
export async function enrollingStaff(): Promise<SignedInStaff | undefined> {
  const check = await checkSession();
  return check.status === "enrolling" ? check.staff : undefined;
}

/** The signed-in person, without redirecting: the sign-in page sends someone already signed in to the inbox. */
export async function currentStaff(): Promise<SignedInStaff | undefined> {
  const check = await checkSession();
  return check.status === "signed-in" ? check.staff : undefined;
}
