/**
 * Staff accounts, for the command line (`npm run staff`) and the admins' page alike: add a person, list, disable,
 * enable, reset (a new enrollment link; the old password, authenticator and sessions stop working), and grant what
 * they may do to the website's pages (./abilities.ts). Every change is in the audit log. Better Auth stores the accounts; this module only decides what each step does.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { abilitiesOf, describeAbilities, GRANTED_ABILITIES, type StaffAbilities } from "./abilities";
import { recordAudit, type AuditActor } from "./audit";
import { auditContext, timeNow, type StaffContext } from "./context";
import { STAFF_ENROLL_PATH } from "./paths";
import type { PhysicianChoice } from "./physicians";

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

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

/**
 * The abilities and physician asked for (`can`: ability names, `physician`: a name from content/clinic.yaml), checked
 * against `physicians`, the names in content/clinic.yaml (./physicians.ts). One schema for the command line and the
 * admins' page.
 */
export function abilityGrantSchema(physicians: PhysicianChoice) {
  return z
    .object({
      can: z.array(
        z.string().refine((name) => (GRANTED_ABILITIES as readonly string[]).includes(name), {
          error: (issue) =>
            issue.input === "admin"
              ? 'admin is a role, not an ability to grant: an admin account (added with role "admin") already holds every ability.'
              : `"${String(issue.input)}" is not an ability: choose from ${GRANTED_ABILITIES.join(", ")}.`,
        }),
      ),
      physician: z
        .string()
        .trim()
        .optional()
        .transform((name) => name || undefined),
    })
    .superRefine(({ can: granted, physician }, context) => {
      const reviews = granted.includes("review");
      if (physician !== undefined && !reviews) {
        context.addIssue({ code: "custom", path: ["physician"], message: "A physician is linked only to an account with the review ability: add review, or leave the physician out." });
        return;
      }
      if (physician !== undefined && !physicians.names.includes(physician)) {
        context.addIssue({ code: "custom", path: ["physician"], message: `"${physician}" is not among the physicians in ${physicians.file}. ${physicianChoice(physicians)}` });
      }
      if (physician === undefined && reviews) {
        context.addIssue({
          code: "custom",
          path: ["physician"],
          message: `The review ability needs the physician whose name this person's approval puts on a page. ${physicianChoice(physicians)}`,
        });
      }
    })
    .transform(({ can: granted, physician }) => ({
      edit: granted.includes("edit"),
      review: granted.includes("review"),
      physician: physician ?? null,
    }));
}

function physicianChoice({ names, file }: PhysicianChoice): string {
  return names.length > 0
    ? `Choose one of ${quoted(names)}.`
    : `${file} names no physicians yet: add the physician there first (and publish it), then link the reviewer.`;
}

export type AbilityGrantRequest = z.input<ReturnType<typeof abilityGrantSchema>>;
export type AbilityGrant = z.output<ReturnType<typeof abilityGrantSchema>>;


export interface StaffUserSummary {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** active: can sign in; enrolling: has not finished setting a password and two-factor; disabled: cannot sign in. */
  state: "active" | "enrolling" | "disabled";
  createdAt: Date;
  /** What they may do to the website's pages (admins: everything), and the physician a reviewer signs for. */
  abilities: StaffAbilities;
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

/** A change of abilities: checked against the physicians a reviewer may be linked to (clinicPhysicians(); tests give their own). */
interface GrantOptions extends ChangeOptions {
  physicians: PhysicianChoice;
}

/** The abilities asked for, checked, or a StaffAccountError saying what is wrong with them. */
function checkedGrant(request: AbilityGrantRequest, physicians: PhysicianChoice): AbilityGrant {
  const parsed = abilityGrantSchema(physicians).safeParse(request);
  if (!parsed.success) throw new StaffAccountError(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return parsed.data;
}

/**
 * A new account, with the abilities in `input.grant` (none when it is left out; an admin holds every one anyway),
 * checked against `physicians`, which a grant needs.
 */
export async function addUser(
  context: StaffContext,
  input: NewStaffUser & { grant?: AbilityGrantRequest },
  actor: AuditActor,
  { clientAddress, physicians }: Partial<GrantOptions> = {},
) {
  const { email, name, role } = newStaffUserSchema.parse(input);
  if (input.grant && !physicians) throw new TypeError("addUser: a grant is checked against the clinic's physicians; pass them (clinicPhysicians()).");
  // Checked before anything is made: a refused grant leaves no half-made account behind.
  const grant = input.grant && physicians ? checkedGrant(input.grant, physicians) : undefined;
  const internal = (await context.auth.$context).internalAdapter;
  if (await internal.findUserByEmail(email)) throw new StaffAccountError(`There is already a staff account with the email ${email}.`);
  const user = await internal.createUser({ email, name, role, emailVerified: true, twoFactorEnabled: false, banned: false }, { method: "admin" });
  if (grant) await context.store.setStaffAbilities({ userId: user.id, ...grant }, timeNow(context).toISOString());
  const abilities = abilitiesOf(role, grant);
  const enrollmentLink = await issueEnrollmentLink(context, user.id);
  await recordAudit(auditContext(context), { actor, action: "user-add", detail: grant ? `${email} (${role}; abilities: ${describeAbilities(abilities)})` : `${email} (${role})`, clientAddress });
  await recordAudit(auditContext(context), { actor, action: "enrollment-link", detail: email, clientAddress });
  return { user: { id: user.id, email, name, role, abilities }, enrollmentLink };
}

/** Replaces what a person may do to the website's pages with `request` (`can: []` takes every ability away). */
export async function setAbilities(
  context: StaffContext,
  email: string,
  request: AbilityGrantRequest,
  actor: AuditActor,
  { clientAddress, physicians }: GrantOptions,
) {
  const user = await findUser(context, email);
  const grant = checkedGrant(request, physicians);
  await context.store.setStaffAbilities({ userId: user.id, ...grant }, timeNow(context).toISOString());
  const abilities = abilitiesOf(roleOf(user), grant);
  await recordAudit(auditContext(context), { actor, action: "user-abilities", detail: `${user.email}: ${describeAbilities(abilities)}`, clientAddress });
  return { email: user.email, role: roleOf(user), abilities };
}

const roleOf = (user: { role?: string | null }): StaffRole => (user.role === "admin" ? "admin" : "staff");

export async function listUsers(context: StaffContext): Promise<StaffUserSummary[]> {
  const internal = (await context.auth.$context).internalAdapter;
  const users = (await internal.listUsers(1000, 0, { field: "createdAt", direction: "asc" })) as (Awaited<
    ReturnType<typeof findUser>
  > & { createdAt: Date })[];
  const grants = new Map((await context.store.listStaffAbilities()).map((grant) => [grant.userId, grant]));
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleOf(user),
    state: user.banned ? "disabled" : user.twoFactorEnabled ? "active" : "enrolling",
    createdAt: new Date(user.createdAt),
    abilities: abilitiesOf(roleOf(user), grants.get(user.id)),
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
