/**
 * Who may do what to the website's pages. An account holds any of `edit` and `review` (granted by an admin, stored
 * beside the account: AppointmentStore.setStaffAbilities), and admins (the account's role) hold every ability. A
 * clinical reviewer is linked to one physician in content/clinic.yaml, whose name an approval puts on the page as
 * `reviewedBy`; an admin sees the review pages, but approving still needs that link. Pure: client components may
 * import it (granting is lib/staff/accounts.ts's).
 */
import type { StaffAbilityGrant } from "@/lib/appointments/store";
import type { StaffRole } from "./accounts";

/** Every ability, with the words staff read for it. */
export const ABILITIES = {
  edit: { label: "Edit pages", hint: "write drafts, upload pictures, ask for review, publish approved drafts" },
  review: { label: "Clinical review", hint: "approve or send back medical changes, signed with a physician's name" },
  admin: { label: "Admin", hint: "everything, and who holds what" },
} as const satisfies Record<string, { label: string; hint: string }>;

export type Ability = keyof typeof ABILITIES;

/** The abilities an admin grants; admin itself is the account's role (added with --role admin). */
export const GRANTED_ABILITIES = ["edit", "review"] as const satisfies readonly Ability[];
export type GrantedAbility = (typeof GRANTED_ABILITIES)[number];

/** What a signed-in person may do, as the staff pages and the publishing module see it. */
export interface StaffAbilities {
  abilities: Ability[];
  /** The physician whose name this person's approval puts on a page; only with the review ability. */
  physician?: string;
}

/** Whether this person may do what `ability` allows (admins may do everything). */
export function can(staff: Pick<StaffAbilities, "abilities">, ability: Ability): boolean {
  return staff.abilities.includes(ability);
}

/** An account's abilities from its role and what was granted to it. */
export function abilitiesOf(role: StaffRole, grant: Pick<StaffAbilityGrant, "edit" | "review" | "physician"> | undefined): StaffAbilities {
  const abilities: Ability[] = role === "admin" ? ["edit", "review", "admin"] : GRANTED_ABILITIES.filter((ability) => grant?.[ability]);
  return grant?.physician ? { abilities, physician: grant.physician } : { abilities };
}

/** An account's abilities in a few words, for the audit log and the command line: "edit, review (Dr. A)", or "none". */
export function describeAbilities({ abilities, physician }: StaffAbilities): string {
  if (abilities.length === 0) return "none";
  return abilities.join(", ") + (physician ? ` (${physician})` : "");
}
