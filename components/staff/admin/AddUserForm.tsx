"use client";

import { useActionState } from "react";
import { useFocusOnAnswer } from "../use-focus-on-answer";
import { addUserAction, type AddUserState } from "@/app/staff/users/actions";
import { STAFF_ROLES } from "@/lib/staff/accounts";
import { STAFF_BUTTON_CLASSES, StaffAlert, StaffField } from "../fields";
import { EnrollmentLink } from "./EnrollmentLink";

const ROLE_HINTS: Record<keyof typeof STAFF_ROLES, string> = {
  staff: "Works the requests.",
  admin: "Also adds and disables people, exports and purges requests, and reads the audit log.",
};

/** Adds a person and shows their one-time enrollment link; what was typed comes back with any error. */
export function AddUserForm() {
  const [state, formAction, pending] = useActionState(addUserAction, {} as AddUserState);
  const resultRef = useFocusOnAnswer<HTMLDivElement>(state);
  const { values = {}, fieldErrors = {} } = state;
  const chosenRole = values.role || "staff";
  return (
    <>
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        {state.created && (
          <div className="mb-6">
            <StaffAlert tone="info">
              {state.created.name} ({state.created.email}) was added. Their account works once they open the link below.
            </StaffAlert>
            <EnrollmentLink email={state.created.email} link={state.created.enrollmentLink} />
          </div>
        )}
      </div>
      <form action={formAction} className="space-y-5" noValidate aria-label="Add a user">
        <StaffField name="email" label="Email" type="email" autoComplete="off" defaultValue={values.email} error={fieldErrors.email} required />
        <StaffField name="name" label="Name" autoComplete="off" defaultValue={values.name} error={fieldErrors.name} required hint="As the team knows them: shown beside the requests they change." />
        <fieldset aria-describedby={fieldErrors.role ? "role-error" : undefined}>
          <legend className="text-lg font-bold">Role</legend>
          {fieldErrors.role && (
            <p id="role-error" className="mt-1 font-semibold text-emergency">
              <span aria-hidden="true">⚠ </span>
              {fieldErrors.role}
            </p>
          )}
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(Object.keys(STAFF_ROLES) as (keyof typeof STAFF_ROLES)[]).reverse().map((role) => (
              <div
                key={role}
                className="flex min-h-tap items-start gap-3 rounded-lg border-2 border-brand-200 px-3 py-2 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50"
              >
                <input
                  id={`role-${role}`}
                  type="radio"
                  name="role"
                  value={role}
                  defaultChecked={role === chosenRole}
                  aria-describedby={`role-${role}-hint`}
                  className="mt-1 size-5 shrink-0 accent-brand-800"
                />
                <div>
                  <label htmlFor={`role-${role}`} className="block cursor-pointer text-lg font-bold">
                    {STAFF_ROLES[role]}
                  </label>
                  <p id={`role-${role}-hint`} className="text-ink-muted">
                    {ROLE_HINTS[role]}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
          Add the user
        </button>
      </form>
    </>
  );
}
