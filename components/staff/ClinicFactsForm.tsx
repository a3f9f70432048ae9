"use client";

import { useActionState } from "react";
import { saveClinicFactsAction, type ClinicFactsState } from "@/app/staff/clinic-facts/actions";
import { FieldError } from "@/components/appointment/fields";
import type { ClinicFactsForm as ClinicFactsValues, TextLimits } from "@/lib/publishing/clinic-facts";
import {
  ADDRESS_FIELDS,
  BASE_VERSION_FIELD,
  CALL_BACK_FIELDS,
  CIVIL_RIGHTS_CONTACT_FIELDS,
  MEDICARE_STUDY_ANSWERS,
  PHYSICIAN_FIELDS,
} from "@/lib/publishing/clinic-facts-fields";
import { STAFF_BUTTON_CLASSES, StaffAlert, StaffField } from "./fields";
import { useFocusOnAnswer } from "./use-focus-on-answer";

const ADDRESS_LABELS: Record<(typeof ADDRESS_FIELDS)[number], string> = { street: "Street", city: "City", region: "State", postalCode: "ZIP code" };
const PHYSICIAN_LABELS: Record<(typeof PHYSICIAN_FIELDS)[number], string> = { name: "Name", credentials: "Credentials (e.g. MD)", role: "Role" };
const CIVIL_RIGHTS_CONTACT_LABELS: Record<(typeof CIVIL_RIGHTS_CONTACT_FIELDS)[number], string> = {
  name: "Name and title",
  phone: "Phone",
  email: "Email",
  address: "Postal address",
};
const MEDICARE_STUDY_LABELS: Record<(typeof MEDICARE_STUDY_ANSWERS)[number], string> = {
  "takes-part": "We take part in a Medicare-approved MILD study",
  "does-not-take-part": "We do not take part in one",
  "": "Not known yet",
};
const CHOICE_CLASSES = "inline-flex min-h-tap items-center gap-2 text-base";
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
  initialVersion,
  limits,
  days,
  callTimes,
}: {
  initialValues: ClinicFactsValues;
  /** The draft's version the values come from; null when they are the published file's (no draft yet). */
  initialVersion: number | null;
  limits: Record<string, TextLimits>;
  /** The days a row of hours may name (lib/site.ts). */
  days: readonly string[];
  /** The call times the appointment form may offer, each with its label (lib/site.ts, lib/appointments/fields.ts). */
  callTimes: readonly { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(saveClinicFactsAction, {} as ClinicFactsState);
  const answerRef = useFocusOnAnswer<HTMLDivElement>(state);
  const values = state.values ?? initialValues;
  // A save moves the draft on: the next save is made on top of it, and anyone else's in between is a conflict.
  const version = state.version !== undefined ? state.version : initialVersion;
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
    "email",
    "notices.privacyPractices",
    ...CIVIL_RIGHTS_CONTACT_FIELDS.map((field) => `notices.civilRightsContact.${field}`),
    "notices.languageTaglines",
    "medicareStudy",
    ...CALL_BACK_FIELDS.map((field) => `callBack.${field}`),
    "callTimes",
    ...callTimes.map((_, index) => `callTimes.${index}`),
  ]);
  // A choice the schema refuses is shown once, above the choices.
  const callTimesError = errors.callTimes ?? Object.entries(errors).find(([field]) => field.startsWith("callTimes."))?.[1];
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
        <input type="hidden" name={BASE_VERSION_FIELD} value={version ?? ""} />
        <StaffField name="name" label="The clinic's name" defaultValue={values.name} error={errors.name} required {...limitProps(limits.name)} />
        <StaffField name="phone" label="Phone number patients call" type="tel" defaultValue={values.phone} error={errors.phone} required hint="10 digits, e.g. 501.224.4001. The call buttons dial it." />
        <StaffField
          name="email"
          label="Email for patients who cannot phone"
          type="email"
          defaultValue={values.email}
          error={errors.email}
          hint="Shown beside the phone number, for patients who are deaf, hard of hearing or cannot speak on the phone."
        />

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

        <fieldset className={FIELDSET_CLASSES}>
          <legend className={LEGEND_CLASSES}>Notices the clinic must post</legend>
          <StaffField
            name="notices.privacyPractices"
            label="Notice of Privacy Practices: its address"
            defaultValue={values.notices.privacyPractices}
            error={errors["notices.privacyPractices"]}
            hint="The clinic's own notice: a PDF put in public/documents/, e.g. /documents/notice-of-privacy-practices.pdf, or a page's address."
          />
          <fieldset className="space-y-3 border-t border-brand-100 pt-3">
            <legend className="text-lg font-bold">Civil-rights contact (Section 1557 coordinator)</legend>
            {CIVIL_RIGHTS_CONTACT_FIELDS.map((field) => (
              <StaffField
                key={field}
                name={`notices.civilRightsContact.${field}`}
                label={CIVIL_RIGHTS_CONTACT_LABELS[field]}
                type={field === "phone" ? "tel" : field === "email" ? "email" : "text"}
                defaultValue={values.notices.civilRightsContact[field]}
                error={errors[`notices.civilRightsContact.${field}`]}
                {...limitProps(limits[`notices.civilRightsContact.${field}`])}
              />
            ))}
          </fieldset>
          <StaffField
            name="notices.languageTaglines"
            label="Language-assistance taglines: the file's name"
            defaultValue={values.notices.languageTaglines}
            error={errors["notices.languageTaglines"]}
            hint="A file in content/, e.g. language-taglines.yaml, with each language's tagline from a translator."
          />
        </fieldset>

        <fieldset className={FIELDSET_CLASSES} aria-describedby={errors.medicareStudy ? "medicareStudy-error" : undefined}>
          <legend className={LEGEND_CLASSES}>Medicare-approved MILD study</legend>
          <FieldError id="medicareStudy-error" message={errors.medicareStudy} />
          {MEDICARE_STUDY_ANSWERS.map((answer) => (
            <label key={answer || "unknown"} className={`${CHOICE_CLASSES} w-full`}>
              <input type="radio" name="medicareStudy" value={answer} defaultChecked={values.medicareStudy === answer} className="size-5 accent-brand-800" />
              {MEDICARE_STUDY_LABELS[answer]}
            </label>
          ))}
        </fieldset>

        <fieldset className={FIELDSET_CLASSES}>
          <legend className={LEGEND_CLASSES}>Calling patients back</legend>
          <div className="flex flex-wrap gap-4">
            <StaffField
              name="callBack.withinBusinessDays"
              label="Within how many business days"
              type="number"
              min={1}
              max={10}
              inputMode="numeric"
              defaultValue={values.callBack.withinBusinessDays}
              error={errors["callBack.withinBusinessDays"]}
              hint="1 to 10. The confirmation after a request says it."
            />
            <StaffField
              name="callBack.from"
              label="From which number"
              type="tel"
              defaultValue={values.callBack.from}
              error={errors["callBack.from"]}
              hint="10 digits, e.g. 501.224.4001."
            />
          </div>
        </fieldset>

        <fieldset className={FIELDSET_CLASSES} aria-describedby={callTimesError ? "callTimes-error" : undefined}>
          <legend className={LEGEND_CLASSES}>Call times staff offer</legend>
          <p className="text-base text-ink-muted">The appointment form offers these. Leave all unticked until the clinic decides.</p>
          <FieldError id="callTimes-error" message={callTimesError} />
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {callTimes.map(({ value, label }) => (
              <label key={value} className={CHOICE_CLASSES}>
                <input type="checkbox" name="callTimes" value={value} defaultChecked={values.callTimes.includes(value)} className="size-5 accent-brand-800" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>

        <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
          {pending ? "Saving…" : "Save as a draft"}
        </button>
      </form>
    </>
  );
}
