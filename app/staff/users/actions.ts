"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addUser, disableUser, enableUser, newStaffUserSchema, resetUser, setAbilities, StaffAccountError } from "@/lib/staff/accounts";
import { ABILITIES, type StaffAbilities } from "@/lib/staff/abilities";
import { purgeRequests, purgeSchema } from "@/lib/staff/inbox";
import { STAFF_USERS_PATH } from "@/lib/staff/paths";
import { clinicPhysicians } from "@/lib/staff/physicians";
import { requireAdmin } from "@/lib/staff/session";

// Every action checks for an admin first, on the server: the page's buttons are not the guard.

type NewUserField = "email" | "name" | "role";

export interface AddUserState {
  error?: string;
  fieldErrors?: Partial<Record<NewUserField, string>>;
  /** What was typed, shown again with an error. */
  values?: Partial<Record<NewUserField, string>>;
  /** The account just added, with its enrollment link: shown this once. */
  created?: { email: string; name: string; enrollmentLink: string };
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function fieldErrorsOf<Field extends string>(error: z.ZodError, fields: readonly Field[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as Field;
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export async function addUserAction(_previous: AddUserState, formData: FormData): Promise<AddUserState> {
  const staff = await requireAdmin({ returnTo: STAFF_USERS_PATH, attempt: "add a user" });
  const values = { email: text(formData, "email"), name: text(formData, "name"), role: text(formData, "role") };
  const parsed = newStaffUserSchema.safeParse(values);
  if (!parsed.success) {
    return { error: "The account was not added: check the fields marked below.", fieldErrors: fieldErrorsOf(parsed.error, ["email", "name", "role"]), values };
  }
  try {
    const { user, enrollmentLink } = await addUser(staff.context, parsed.data, staff.user, { clientAddress: staff.clientAddress });
    revalidatePath(STAFF_USERS_PATH);
    return { created: { email: user.email, name: user.name, enrollmentLink } };
  } catch (error) {
    if (error instanceof StaffAccountError) {
      return { error: "The account was not added: check the fields marked below.", fieldErrors: { email: error.message }, values };
    }
    throw error;
  }
}

export interface UserActionState {
  /** Disable and reset ask once more before they happen (no script needed: the second press sends `confirmed`). */
  confirming?: "disable" | "reset";
  error?: string;
  done?: string;
  /** After a reset: the new enrollment link, shown this once. */
  enrollmentLink?: string;
}

const userIntentSchema = z.object({
  intent: z.enum(["disable", "enable", "reset", "cancel"], { error: "Choose what to do with the account." }),
  email: z.string().trim().min(1, { error: "That account was not named." }).max(254),
  confirmed: z.literal("yes").optional().catch(undefined),
});

/** What a refused (non-admin) attempt at `userAction` is called in the audit log: from the fixed intents, never what was typed. */
function userIntentAttempt(intent: string): string {
  if (intent === "disable" || intent === "enable") return `${intent} a user's account`;
  return intent === "reset" ? "reset a user's sign-in" : "change a user's account";
}

export async function userAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const staff = await requireAdmin({ returnTo: STAFF_USERS_PATH, attempt: userIntentAttempt(text(formData, "intent")) });
  const parsed = userIntentSchema.safeParse({ intent: text(formData, "intent"), email: text(formData, "email"), confirmed: text(formData, "confirmed") || undefined });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "That did not work; reload the page and try again." };
  const { intent, email, confirmed } = parsed.data;
  if (intent === "cancel") return {};
  if ((intent === "disable" || intent === "reset") && !confirmed) return { confirming: intent };
  try {
    let result: UserActionState;
    if (intent === "disable") {
      const disabled = await disableUser(staff.context, email, staff.user, { keepAnAdmin: true, clientAddress: staff.clientAddress });
      result = { done: `${disabled.email} is disabled and was signed out everywhere.` };
    } else if (intent === "enable") {
      const enabled = await enableUser(staff.context, email, staff.user, { clientAddress: staff.clientAddress });
      result = { done: `${enabled.email} is enabled.` };
    } else {
      const reset = await resetUser(staff.context, email, staff.user, { keepAnAdmin: true, clientAddress: staff.clientAddress });
      result = { done: `${reset.email} was signed out everywhere; their password and authenticator no longer work.`, enrollmentLink: reset.enrollmentLink };
    }
    revalidatePath(STAFF_USERS_PATH);
    return result;
  } catch (error) {
    if (error instanceof StaffAccountError) return { error: error.message };
    throw error;
  }
}

export interface AbilitiesState {
  error?: string;
  done?: string;
}

/** What an admin ticked for one person: the abilities (`can`, one field per box) and the physician a reviewer signs for. */
export async function abilitiesAction(_previous: AbilitiesState, formData: FormData): Promise<AbilitiesState> {
  const staff = await requireAdmin({ returnTo: STAFF_USERS_PATH, attempt: "change what a user may do to the website's pages" });
  const can = formData.getAll("can").filter((value): value is string => typeof value === "string");
  try {
    const changed = await setAbilities(staff.context, text(formData, "email"), { can, physician: text(formData, "physician") }, staff.user, {
      clientAddress: staff.clientAddress,
      physicians: clinicPhysicians(),
    });
    revalidatePath(STAFF_USERS_PATH);
    return { done: `Saved: ${changed.email} may now ${describeAbilityChange(changed.abilities)}.` };
  } catch (error) {
    if (error instanceof StaffAccountError) return { error: `Not saved: ${error.message}` };
    throw error;
  }
}

function describeAbilityChange({ abilities, physician }: StaffAbilities): string {
  const granted = abilities.filter((ability) => ability !== "admin").map((ability) => ABILITIES[ability].label.toLowerCase());
  if (granted.length === 0) return "only work the requests";
  return granted.join(" and ") + (physician ? ` (signing as ${physician})` : "");
}

export interface PurgeState {
  error?: string;
  fieldErrors?: Partial<Record<"olderThanDays" | "confirm", string>>;
  values?: { olderThanDays?: string; confirm?: string };
  deleted?: { count: number; olderThanDays: number };
}

export async function purgeAction(_previous: PurgeState, formData: FormData): Promise<PurgeState> {
  const staff = await requireAdmin({ returnTo: STAFF_USERS_PATH, attempt: "purge old requests" });
  const values = { olderThanDays: text(formData, "olderThanDays").trim(), confirm: text(formData, "confirm").trim() };
  const parsed = purgeSchema.safeParse(values);
  if (!parsed.success) {
    return { error: "Nothing was deleted: check the fields marked below.", fieldErrors: fieldErrorsOf(parsed.error, ["olderThanDays", "confirm"]), values };
  }
  const count = await purgeRequests(staff, parsed.data.olderThanDays);
  return { deleted: { count, olderThanDays: parsed.data.olderThanDays } };
}
