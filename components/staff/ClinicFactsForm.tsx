"use client";

import { useActionState } from "react";
import { saveClinicFactsAction, type ClinicFactsState } from "@/app/staff/pages/clinic/actions";
import { FieldError } from "@/components/appointment/fields";
import type { ClinicFactsForm as ClinicFactsValues, TextLimits } from "@/lib/publishing/clinic-facts";
import { ADDRESS_FIELDS, PHYSICIAN_FIELDS } from "@/lib/publishing/clinic-facts-fields";
import { STAFF_BUTTON_CLASSES, StaffAlert, StaffField } from "./fields";
import { useFocusOnAnswer } from "./use-focus-on-answer";

const ADDRESS_LABELS: Record<(typeof ADDRESS_FIELDS)[number], string> = { street: "Street", city: "City", region: "State", postalCode: "ZIP code" };
const PHYSICIAN_LABELS: Record<(typeof PHYSICIAN_FIELDS)[number], string> = { name: "Name", credentials: "Credentials (e.g. MD)", role: "Role" };
const FIELDSET_CLASSES = "space-y-4 rounded-lg border-2 border-brand-100 p-4";
const LEGEND_CLASSES = "px-1 text-heading-3 font-bold text-brand-900";

/** The schema's limits as the browser enforces them, and in words beside the field. */
function limitProps(limits: TextLimits | undefined): { minLength?: number; maxLength?: number; hint?: string } {
  if (!limits?.maxLength) return {};
  return { minLength: limits.minLength || undefined, maxLength: limits.maxLength, hint: `At most ${limits.maxLength} characters.` };
}

/**
 * The clinic's facts as a form: plain fields that post without JavaScript; with it, the answer comes back without
 * reloading. Lists (hours, physicians) show one blank row to add one; a row emptied is removed.
 */
export function ClinicFactsForm({
  initialValues,
  limits,
  days,
}: {
  initialValues: ClinicFactsValues;
  limits: Record<string, TextLimits>;
  /** The days a row of hours may name (lib/site.ts). */
  days: readonly string[];
}) {
  const [state, formAction, pending] = useActionState(saveClinicFactsAction, {} as ClinicFactsState);
  const answerRef = useFocusOnAnswer<HTMLDivElement>(state);
  const values = state.values ?? initialValues;
  const errors = state.errors ?? {};
  const hours = [...values.hours, { days: [], opens: "", closes: "" }];
  const physicians = [...values.physicians, { name: "", credentials: "", role: "" }];
  // Problems of a whole row or list (e.g. a row of hours without days) have no field of their own.
  const fieldNames = new Set([
    "name",
    "phone",
    ...ADDRESS_FIELDS.map((field) => `address.${field}`),
    ...hours.flatMap((_, index) => [`hours.${index}.opens`, `hours.${index}.closes`]),
    ...physicians.flatMap((_, index) => PHYSICIAN_FIELDS.map((field) => `physicians.${index}.${field}`)),
  ]);
  const otherErrors = Object.entries(errors).filter(([field]) => !fieldNames.has(field));
  return (
    <>
      <div ref={answerRef} tabIndex={-1} className="mt-4 focus:outline-none">
        {state.message && <StaffAlert tone={state.saved ? "info" : "error"}>{state.message}</StaffAlert>}
        {otherErrors.length > 0 && (
          <ul className="mb-4 list-disc pl-6 text-lg font-semibold text-emergency">
            {otherErrors.map(([field, message]) => (
              <li key={field}>
                <code>{field || "the file"}</code> {message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <form action={formAction} className="mt-4 space-y-6" aria-label="The clinic's facts">
        <StaffField name="name" label="The clinic's name" defaultValue={values.name} error={errors.name} required {...limitProps(limits.name)} />
        <StaffField name="phone" label="Phone number patients call" type="tel" defaultValue={values.phone} error={errors.phone} required hint="10 digits, e.g. 501.224.4001. The call buttons dial it." />

        <fieldset className={FIELDSET_CLASSES}>
          <legend className={LEGEND_CLASSES}>Address</legend>
          {ADDRESS_FIELDS.map((field) => (
            <StaffField
              key={field}
              name={`address.${field}`}
              label={ADDRESS_LABELS[field]}
              defaultValue={values.address[field]}
              error={errors[`address.${field}`]}
              {...(field === "postalCode" ? { inputMode: "numeric" as const, hint: "5 digits, e.g. 72201" } : limitProps(limits[`address.${field}`]))}
            />
          ))}
        </fieldset>

        <fieldset className={FIELDSET_CLASSES}>
          <legend className={LEGEND_CLASSES}>Opening hours</legend>
          {hours.map((row, index) => (
            <fieldset key={index} className="space-y-3 border-t border-brand-100 pt-3 first:border-0 first:pt-0">
              <legend className="text-lg font-bold">{index < values.hours.length ? `Hours ${index + 1}` : "Add hours"}</legend>
              <FieldError id={`hours.${index}.days-error`} message={errors[`hours.${index}.days`]} />
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {days.map((day) => (
                  <label key={day} className="inline-flex min-h-tap items-center gap-2 text-base">
                    <input type="checkbox" name={`hours.${index}.days`} value={day} defaultChecked={row.days.includes(day)} className="size-5 accent-brand-800" />
                    {day}
                  </label>
                ))}
              </div>
              <div className="flex flex-wrap gap-4">
                <StaffField name={`hours.${index}.opens`} label="Opens" type="time" defaultValue={row.opens} error={errors[`hours.${index}.opens`]} />
                <StaffField name={`hours.${index}.closes`} label="Closes" type="time" defaultValue={row.closes} error={errors[`hours.${index}.closes`]} />
              </div>
            </fieldset>
          ))}
        </fieldset>

        <fieldset className={FIELDSET_CLASSES}>
          <legend className={LEGEND_CLASSES}>Physicians</legend>
          {physicians.map((row, index) => (
            <fieldset key={index} className="space-y-3 border-t border-brand-100 pt-3 first:border-0 first:pt-0">
              <legend className="text-lg font-bold">{index < values.physicians.length ? `Physician ${index + 1}` : "Add a physician"}</legend>
              {PHYSICIAN_FIELDS.map((field) => (
                <StaffField
                  key={field}
                  name={`physicians.${index}.${field}`}
                  label={PHYSICIAN_LABELS[field]}
                  defaultValue={row[field]}
                  error={errors[`physicians.${index}.${field}`]}
                  {...limitProps(limits[`physicians.${field}`])}
                />
              ))}
            </fieldset>
          ))}
          <p className="text-base text-ink-muted">Empty a physician&apos;s fields to take them off the list.</p>
        </fieldset>

        <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
          {pending ? "Saving…" : "Save as a draft"}
        </button>
      </form>
    </>
  );
}
