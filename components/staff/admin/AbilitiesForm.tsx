"use client";

import { useActionState } from "react";
import { useFocusOnAnswer } from "../use-focus-on-answer";
import { abilitiesAction, type AbilitiesState } from "@/app/staff/users/actions";
import { ABILITIES, GRANTED_ABILITIES } from "@/lib/staff/abilities";
import type { StaffUserSummary } from "@/lib/staff/accounts";
import { StaffAlert } from "../fields";

const BUTTON = "inline-flex min-h-tap items-center justify-center rounded-lg border-2 border-brand-800 bg-white px-4 py-1 font-bold text-brand-800 hover:bg-brand-100";

/**
 * What one person may do to the website's pages: a box per ability and the physician a clinical reviewer signs for
 * (from content/clinic.yaml). Admins hold every ability already; ticking review links them to a physician too.
 */
export function AbilitiesForm({ user, physicians }: { user: Pick<StaffUserSummary, "id" | "email" | "name" | "abilities">; physicians: readonly string[] }) {
  const [state, formAction, pending] = useActionState(abilitiesAction, {} as AbilitiesState);
  const focusRef = useFocusOnAnswer<HTMLDivElement>(state);
  const id = (part: string) => `abilities-${user.id}-${part}`;
  const { abilities, physician } = user.abilities;
  const isAdmin = abilities.includes("admin");
  return (
    <form action={formAction} className="mt-3" aria-label={`What ${user.name} may do to the website's pages`}>
      <input type="hidden" name="email" value={user.email} />
      <div ref={focusRef} tabIndex={-1} className="focus:outline-none">
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        {state.done && <StaffAlert tone="info">{state.done}</StaffAlert>}
      </div>
      <fieldset>
        <legend className="font-bold">Website pages{isAdmin && <span className="font-normal"> (as an admin, already allowed everything)</span>}</legend>
        <div className="mt-1 grid gap-1">
          {GRANTED_ABILITIES.map((ability) => (
            <div key={ability} className="flex min-h-tap items-start gap-3">
              <input
                id={id(ability)}
                type="checkbox"
                name="can"
                value={ability}
                // An admin's boxes show what was granted besides the role: review with a physician, for one.
                defaultChecked={isAdmin ? ability === "review" && physician !== undefined : abilities.includes(ability)}
                aria-describedby={id(`${ability}-hint`)}
                className="mt-1 size-5 shrink-0 accent-brand-800"
              />
              <div className="min-w-0">
                <label htmlFor={id(ability)} className="cursor-pointer font-bold">
                  {ABILITIES[ability].label}
                </label>
                <p id={id(`${ability}-hint`)} className="text-ink-muted">
                  {ABILITIES[ability].hint}
                </p>
              </div>
            </div>
          ))}
        </div>
        <label htmlFor={id("physician")} className="mt-2 block font-bold">
          Physician (for clinical review)
        </label>
        {physicians.length === 0 && (
          <p id={id("physician-hint")} className="text-ink-muted">
            content/clinic.yaml names no physicians yet: a clinical reviewer signs with one of them.
          </p>
        )}
        <select
          id={id("physician")}
          name="physician"
          defaultValue={physician ?? ""}
          aria-describedby={physicians.length === 0 ? id("physician-hint") : undefined}
          className="mt-1 block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base sm:max-w-md"
        >
          <option value="">None</option>
          {physicians.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </fieldset>
      <button type="submit" className={`${BUTTON} mt-3`} disabled={pending}>
        Save what {user.name} may do
      </button>
    </form>
  );
}
