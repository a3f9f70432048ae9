/**
 * Who is signed in, checked on the server by every staff page and every staff action (never only in the page's
 * buttons): a session Better Auth knows, of an account that is neither disabled nor half-enrolled, used within
 * STAFF_IDLE_MINUTES (HIPAA's automatic logoff) and at most 12 hours old (Better Auth's own expiry). Anything else
 * goes to the sign-in page, which says nothing of what was asked for. It also says, once for every page and
 * action, whether the request came from the inbox's own pages (`fromOwnPages`): the session cookie comes with a
 * link followed from any website, and only the inbox itself may open a patient's details or write the audit log.
 */
import { headers as requestHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordAudit } from "./audit";
import { getStaffContext, requestOrigin } from "./auth";
import { SESSION_HOURS } from "./auth-config";
import { auditContext, timeNow, type StaffContext } from "./context";
import { abilitiesOf, ABILITIES, can, type Ability, type StaffAbilities } from "./abilities";
import type { StaffRole } from "./accounts";
import { STAFF_ENROLL_PATH, STAFF_REQUESTS_PATH, STAFF_SIGN_IN_PATH } from "./paths";
import { isOwnNavigation } from "@/lib/security/same-origin";

export interface SignedInStaff {
  context: StaffContext;
  /** With what they may do to the website's pages, read with the session on every request: a change counts at once. */
  user: { id: string; email: string; name: string; role: StaffRole } & StaffAbilities;
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
  const role = user.role === "admin" ? "admin" : "staff";
  const staff: SignedInStaff = {
    context,
    user: { id: user.id, email: user.email, name: user.name, role, ...abilitiesOf(role, await context.store.findStaffAbilities(user.id)) },
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
  await recordRefusal(staff, "admin-refused", attempt);
}

async function recordRefusal(staff: SignedInStaff, action: "admin-refused" | "ability-refused", detail: string): Promise<void> {
  if (!staff.fromOwnPages) return;
  await recordAudit(auditContext(staff.context), { actor: staff.user, action, detail, clientAddress: staff.clientAddress });
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

/** Who is signed in, for the work on the website's pages (lib/publishing): the person and what they may do. */
export interface StaffMember extends StaffAbilities {
  userId: string;
  name: string;
  email: string;
}

/**
 * A signed-in person who holds `ability` (or one of several: the pages' list is for editors and reviewers alike;
 * admins hold all); a signed-out visitor is sent to sign-in. Anyone else is answered 403 (app/staff/forbidden.tsx),
 * from a page and from an action alike: hiding a button is not the guard. The refusal of `attempt` (in words: "open
 * the pages"; by default the ability's label) is audited as the admin guard's are.
 */
export async function requireAbility(
  ability: Ability | Ability[],
  { returnTo, attempt }: { returnTo?: string; attempt?: string } = {},
): Promise<SignedInStaff & StaffMember> {
  const staff = await requireStaff({ returnTo });
  const wanted = [ability].flat();
  if (!wanted.some((one) => can(staff.user, one))) {
    await recordRefusal(staff, "ability-refused", `${wanted.join(" or ")}: ${attempt ?? wanted.map((one) => ABILITIES[one].label.toLowerCase()).join(" or ")}`);
    forbidden();
  }
  const { id, name, email, abilities, physician } = staff.user;
  return { ...staff, userId: id, name, email, abilities, ...(physician ? { physician } : {}) };
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
