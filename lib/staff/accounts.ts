/**
 * Staff accounts, for the command line (`npm run staff`) and the admins' page alike: add a person, list, disable,
 * enable, and reset (a new enrollment link; the old password, authenticator and sessions stop working). Every
 * change is in the audit log. Better Auth stores the accounts; this module only decides what each step does.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit, type AuditActor } from "./audit";
import { auditContext, timeNow, type StaffContext } from "./context";
import { STAFF_ENROLL_PATH } from "./paths";

export const STAFF_ROLES = { admin: "Admin", staff: "Staff" } as const;
export type StaffRole = keyof typeof STAFF_ROLES;

/** An enrollment link works once, for this long. */
export const ENROLLMENT_HOURS = 24;

export const newStaffUserSchema = z.object({
  email: z
    .email({ error: "Enter an email address, like name@example.com." })
    .max(254, { error: "Enter an email address of 254 characters or fewer." })
    .transform((email) => email.toLowerCase()),
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter the person's name." })
    .max(100, { error: "Enter a name of 100 characters or fewer." })
    .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), { error: "Use letters, spaces and punctuation only in the name." }),
  role: z.enum(["admin", "staff"], { error: 'Choose a role: "admin" or "staff".' }),
});

export type NewStaffUser = z.infer<typeof newStaffUserSchema>;

export interface StaffUserSummary {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** active: can sign in; enrolling: has not finished setting a password and two-factor; disabled: cannot sign in. */
  state: "active" | "enrolling" | "disabled";
  createdAt: Date;
}

/** A wrong email or a refused change, in words for whoever asked (an admin, an operator). */
export class StaffAccountError extends Error {}

export function enrollmentTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

async function issueEnrollmentLink(context: StaffContext, userId: string): Promise<string> {
  const now = timeNow(context);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ENROLLMENT_HOURS * 60 * 60 * 1000);
  await context.store.createEnrollment(enrollmentTokenHash(token), userId, now.toISOString(), expiresAt.toISOString());
  return `${context.env.SITE_URL}${STAFF_ENROLL_PATH}?token=${token}`;
}

async function findUser(context: StaffContext, email: string) {
  const internal = (await context.auth.$context).internalAdapter;
  const found = await internal.findUserByEmail(email.trim().toLowerCase());
  if (!found) throw new StaffAccountError(`There is no staff account with the email ${email.trim()}.`);
  return found.user as typeof found.user & { role?: string | null; banned?: boolean | null; twoFactorEnabled?: boolean | null };
}

/** Ends every session of the person and removes their password and authenticator: only a new enrollment opens the account. */
export async function clearSignIn(context: StaffContext, userId: string): Promise<void> {
  const authContext = await context.auth.$context;
  await authContext.internalAdapter.deleteUserSessions(userId);
  await authContext.internalAdapter.deleteAccounts(userId);
  await authContext.adapter.deleteMany({ model: "twoFactor", where: [{ field: "userId", value: userId }] });
  await authContext.internalAdapter.updateUser(userId, { twoFactorEnabled: false });
}

/** Where a change was asked from: the inbox passes the admin's address for the audit log; the command line has none. */
interface ChangeOptions {
  clientAddress?: string;
  /** Refuse to leave no admin who can sign in (the inbox); the command line can always add one, so it need not. */
  keepAnAdmin?: boolean;
}

export async function addUser(context: StaffContext, input: NewStaffUser, actor: AuditActor, { clientAddress }: ChangeOptions = {}) {
  const { email, name, role } = newStaffUserSchema.parse(input);
  const internal = (await context.auth.$context).internalAdapter;
  if (await internal.findUserByEmail(email)) throw new StaffAccountError(`There is already a staff account with the email ${email}.`);
  const user = await internal.createUser({ email, name, role, emailVerified: true, twoFactorEnabled: false, banned: false }, { method: "admin" });
  const enrollmentLink = await issueEnrollmentLink(context, user.id);
  await recordAudit(auditContext(context), { actor, action: "user-add", detail: `${email} (${role})`, clientAddress });
  await recordAudit(auditContext(context), { actor, action: "enrollment-link", detail: email, clientAddress });
  return { user: { id: user.id, email, name, role }, enrollmentLink };
}

export async function listUsers(context: StaffContext): Promise<StaffUserSummary[]> {
  const internal = (await context.auth.$context).internalAdapter;
  const users = (await internal.listUsers(1000, 0, { field: "createdAt", direction: "asc" })) as (Awaited<
    ReturnType<typeof findUser>
  > & { createdAt: Date })[];
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "admin" ? "admin" : "staff",
    state: user.banned ? "disabled" : user.twoFactorEnabled ? "active" : "enrolling",
    createdAt: new Date(user.createdAt),
  }));
}

export async function disableUser(context: StaffContext, email: string, actor: AuditActor, { keepAnAdmin = false, clientAddress }: ChangeOptions = {}) {
  const user = await findUser(context, email);
  const atIso = timeNow(context).toISOString();
  // The check and the change in one transaction: two admins disabling each other at once leave one of them.
  if ((await context.store.withdrawSignIn(user.id, "disable", { keepAnAdmin, atIso, banReason: "Disabled by an admin" })) === "last-admin") {
    throw new StaffAccountError(`${user.email} is the only admin who can sign in; add another admin before disabling this account.`);
  }
  const authContext = await context.auth.$context;
  // At once, not at the session's end: a disabled person's open inbox stops on the next click.
  await authContext.internalAdapter.deleteUserSessions(user.id);
  // And any link not yet used: enabling the account again must not bring an old (perhaps leaked) link back.
  await context.store.revokeEnrollments(user.id);
  await recordAudit(auditContext(context), { actor, action: "user-disable", detail: user.email, clientAddress });
  return { email: user.email };
}

export async function enableUser(context: StaffContext, email: string, actor: AuditActor, { clientAddress }: ChangeOptions = {}) {
  const user = await findUser(context, email);
  await (await context.auth.$context).internalAdapter.updateUser(user.id, { banned: false, banReason: null });
  await recordAudit(auditContext(context), { actor, action: "user-enable", detail: user.email, clientAddress });
  return { email: user.email };
}

export async function resetUser(context: StaffContext, email: string, actor: AuditActor, { keepAnAdmin = false, clientAddress }: ChangeOptions = {}) {
  const user = await findUser(context, email);
  // Two-factor off first, with the check, in one transaction (as disableUser); then the rest of the sign-in goes.
  if ((await context.store.withdrawSignIn(user.id, "reset", { keepAnAdmin, atIso: timeNow(context).toISOString() })) === "last-admin") {
    throw new StaffAccountError(`${user.email} is the only admin who can sign in; add another admin first, or reset from the server's command line.`);
  }
  await clearSignIn(context, user.id);
  const enrollmentLink = await issueEnrollmentLink(context, user.id);
  await recordAudit(auditContext(context), { actor, action: "user-reset", detail: user.email, clientAddress });
  await recordAudit(auditContext(context), { actor, action: "enrollment-link", detail: user.email, clientAddress });
  return { email: user.email, enrollmentLink };
}
