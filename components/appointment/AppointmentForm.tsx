"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { requestAppointment, type AppointmentFormState } from "@/app/request-appointment/actions";
import { ALL_BEST_TIMES, APPOINTMENT_FIELDS, BEST_TIMES, FIELD_LIMITS, HONEYPOT_FIELD, type AppointmentField, type BestTime } from "@/lib/appointments/fields";
import type { AppointmentRequest, AppointmentRequestInput } from "@/lib/appointments/schema";
import type { Clinic } from "@/lib/site";
import { BUTTON_BASE_CLASSES } from "../button-classes";
import { enteredBeforeHydration } from "../entered-before-hydration";
import { AppointmentConfirmation } from "./AppointmentConfirmation";
import { FieldError, fieldDescription, TextField } from "./fields";
import { lazyAppointmentResolverFor, preloadAppointmentResolver } from "./lazy-resolver";

const INITIAL_STATE: AppointmentFormState = { status: "idle" };

/** How the error summary names each field. */
const FIELD_NAMES: Record<AppointmentField, string> = {
  fullName: "Full name",
  phone: "Phone number",
  email: "Email",
  bestTime: "Best time to call",
  reason: "Reason for your visit",
  acknowledged: "Not for emergencies",
};

interface AppointmentFormProps {
  phoneDisplay: string;
  phoneHref: string;
  /** What the confirmation promises: how soon staff call back, and from which number. */
  callBack?: Clinic["callBack"];
  /** The call times offered (offeredBestTimes of the clinic's), the same list the server action checks against. */
  bestTimes?: readonly BestTime[];
}

/**
 * The appointment request form. Without JavaScript it posts to the server action and the page comes back with
 * the server's errors or the confirmation. With JavaScript, react-hook-form checks each field with the same zod
 * schema as the server (loaded when the patient first focuses a field), then submits through the same action.
 */
export function AppointmentForm({ phoneDisplay, phoneHref, callBack, bestTimes = ALL_BEST_TIMES }: AppointmentFormProps) {
  const [state, formAction, isPending] = useActionState(requestAppointment, INITIAL_STATE);
  const resolver = useMemo(() => lazyAppointmentResolverFor(bestTimes), [bestTimes]);
  /** The element the summary links to for each field (the first radio for the group). */
  const fieldAnchor = (field: AppointmentField) => (field === "bestTime" ? `bestTime-${bestTimes[0]}` : field);
  // Uncontrolled inputs render these as their default values, so the server's answer (with or without
  // JavaScript) shows the form as the patient left it.
  const returnedValues = "values" in state ? state.values : {};
  // react-hook-form writes its default values into the fields it registers: they must be what the patient
  // typed and chose before React arrived, which the server's HTML (and so the props below) does not hold.
  const [initialValues] = useState(() => ({ ...returnedValues, ...enteredBeforeHydration(APPOINTMENT_FIELDS) }));
  const {
    register,
    handleSubmit,
    formState: { errors: clientErrors },
  } = useForm<AppointmentRequestInput, unknown, AppointmentRequest>({
    resolver,
    mode: "onTouched",
    // Focus goes to the error summary (below), which lists every problem, not to the first field.
    shouldFocusError: false,
    defaultValues: {
      ...initialValues,
      bestTime: initialValues.bestTime as AppointmentRequestInput["bestTime"],
      acknowledged: initialValues.acknowledged === "on",
    },
  });
  const summaryRef = useRef<HTMLDivElement>(null);

  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const errorOf = (field: AppointmentField) => clientErrors[field]?.message ?? serverErrors[field];
  const fieldsWithErrors = APPOINTMENT_FIELDS.filter((field) => errorOf(field));

  // After a failed submission (the client's check or the server's), move focus to the summary so keyboard and
  // screen reader users hear what to fix. Only a submission moves focus, never a keystroke.
  const [failedSubmissions, setFailedSubmissions] = useState(0);
  useEffect(() => {
    if (state.status !== "idle" || failedSubmissions > 0) summaryRef.current?.focus();
  }, [state, failedSubmissions]);

  if (state.status === "received") {
    return <AppointmentConfirmation reference={state.reference} phoneDisplay={phoneDisplay} phoneHref={phoneHref} callBack={callBack} />;
  }

  const submitThroughAction = (_valid: AppointmentRequest, event?: React.BaseSyntheticEvent) => {
    // `target`, not `currentTarget`: React clears the latter once the (asynchronous) validation has finished.
    const form = event?.target;
    if (!(form instanceof HTMLFormElement)) return;
    startTransition(() => formAction(new FormData(form)));
  };

  const showSummary = fieldsWithErrors.length > 0 || state.status === "unavailable" || state.status === "rate-limited";

  return (
    <form
      action={formAction}
      onSubmit={handleSubmit(submitThroughAction, () => setFailedSubmissions((count) => count + 1))}
      onFocus={() => void preloadAppointmentResolver().catch(() => {})}
      noValidate
      className="space-y-7"
    >
      <div
        ref={summaryRef}
        tabIndex={-1}
        role={showSummary ? "alert" : undefined}
        className={showSummary ? "rounded-lg border-2 border-emergency-border bg-emergency-bg p-4 text-emergency" : "sr-only"}
      >
        {state.status === "unavailable" && (
          <p className="font-bold">
            We could not save your request. Please call us at <a href={phoneHref} className="underline">{phoneDisplay}</a>.
          </p>
        )}
        {state.status === "rate-limited" && (
          <p className="font-bold">
            We have received several requests from you in a short time. Please wait a few minutes, or call us at{" "}
            <a href={phoneHref} className="underline">{phoneDisplay}</a>.
          </p>
        )}
        {fieldsWithErrors.length > 0 && (
          <>
            <h2 className="text-xl font-bold">Please fix {fieldsWithErrors.length === 1 ? "this" : `these ${fieldsWithErrors.length} things`}:</h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {fieldsWithErrors.map((field) => (
                <li key={field}>
                  <a href={`#${fieldAnchor(field)}`} className="font-semibold underline underline-offset-4">
                    {FIELD_NAMES[field]}: {errorOf(field)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {/* No maxlength on the fields: browsers count UTF-16 units and cut pasted text silently. The schema counts
          characters, one rule for browser and server, and says how many there are. */}
      <TextField
        name="fullName"
        label="Full name"
        autoComplete="name"
        required
        defaultValue={returnedValues.fullName}
        error={errorOf("fullName")}
        registration={register("fullName")}
      />
      <TextField
        name="phone"
        label="Phone number"
        hint="A US number. We will call you on it."
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
        defaultValue={returnedValues.phone}
        error={errorOf("phone")}
        registration={register("phone")}
      />
      <TextField
        name="email"
        label="Email (optional)"
        type="email"
        autoComplete="email"
        defaultValue={returnedValues.email}
        error={errorOf("email")}
        registration={register("email")}
      />

      <fieldset className="min-w-0" aria-describedby={errorOf("bestTime") ? "bestTime-error" : undefined} aria-invalid={errorOf("bestTime") ? true : undefined}>
        <legend className="text-lg font-bold">
          Best time to call <span className="font-normal">(required)</span>
        </legend>
        <FieldError id="bestTime-error" message={errorOf("bestTime")} />
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {bestTimes.map((value) => (
            <label
              key={value}
              className="flex min-h-tap cursor-pointer items-center gap-3 rounded-lg border-2 border-brand-200 px-4 py-2 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50"
            >
              <input
                id={`bestTime-${value}`}
                type="radio"
                value={value}
                defaultChecked={returnedValues.bestTime === value} className="size-6 accent-brand-800" {...register("bestTime")} />
              {BEST_TIMES[value]}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor="reason" className="block text-lg font-bold">
          Reason for your visit (optional)
        </label>
        <p id="reason-hint" className="text-ink-muted">
          A few words are enough, up to {FIELD_LIMITS.reason} characters. Please do not include detailed medical history.
        </p>
        <FieldError id="reason-error" message={errorOf("reason")} />
        <textarea
          id="reason"
          rows={4}
          aria-invalid={errorOf("reason") ? true : undefined}
          aria-describedby={fieldDescription("reason", true, errorOf("reason"))}
          className="mt-2 block w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base"
          defaultValue={returnedValues.reason}
          {...register("reason")}
        />
      </div>

      <div>
        <FieldError id="acknowledged-error" message={errorOf("acknowledged")} />
        <label className="flex cursor-pointer items-start gap-3">
          <input
            id="acknowledged"
            type="checkbox"
            className="mt-1 size-7 shrink-0 accent-brand-800"
            aria-invalid={errorOf("acknowledged") ? true : undefined}
            aria-describedby={errorOf("acknowledged") ? "acknowledged-error" : undefined}
            defaultChecked={returnedValues.acknowledged === "on"}
            {...register("acknowledged")}
          />
          <span className="min-w-0">
            I understand this form is <strong>not for emergencies</strong>, and I have read the{" "}
            <a href="/privacy" className="font-semibold text-brand-800 underline underline-offset-4">
              website privacy notice
            </a>
            . <span className="font-normal">(required)</span>
          </span>
        </label>
      </div>

      {/* Only bots fill this in: hidden from people and from screen readers, never focused. */}
      <div className="hidden" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>Leave this empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button
        type="submit"
        disabled={isPending}
        aria-disabled={isPending}
        className={`${BUTTON_BASE_CLASSES} min-h-14 w-full bg-brand-800 px-6 py-3 text-xl text-white hover:bg-brand-900 disabled:cursor-wait disabled:opacity-80 sm:w-auto`}
      >
        {isPending ? "Sending your request…" : "Send my request"}
      </button>
    </form>
  );
}
