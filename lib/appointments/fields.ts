/**
 * The appointment request's fields and limits, without the zod schema that checks them (./schema.ts): the form
 * renders from these at once, and loads the schema only when it first has something to check.
 */

export const BEST_TIMES = {
  morning: "Morning",
  afternoon: "Afternoon",
  evening: "Evening",
  any: "Any time",
} as const;

export type BestTime = keyof typeof BEST_TIMES;

/** Every call time, in the form's order. */
export const ALL_BEST_TIMES = Object.keys(BEST_TIMES) as [BestTime, ...BestTime[]];

/**
 * The call times the form offers: those the clinic offers (`callTimes` in content/clinic.yaml), in the form's
 * order, with "Any time" when there is more than one to choose from; every time while the clinic has not said.
 */
export function offeredBestTimes(callTimes: readonly BestTime[] | undefined): BestTime[] {
  if (!callTimes?.length) return [...ALL_BEST_TIMES];
  const offered = new Set(callTimes.filter((time) => time !== "any"));
  return ALL_BEST_TIMES.filter((time) => (time === "any" ? offered.size > 1 : offered.has(time)));
}

export const FIELD_LIMITS = { fullName: 100, phone: 30, email: 254, reason: 500 } as const;

/** The form fields in page order, for the error summary and for reading posted form data. */
export const APPOINTMENT_FIELDS = ["fullName", "phone", "email", "bestTime", "reason", "acknowledged"] as const;
export type AppointmentField = (typeof APPOINTMENT_FIELDS)[number];

/** The name of the hidden field only bots fill in. */
export const HONEYPOT_FIELD = "website";

export type FieldErrors = Partial<Record<AppointmentField, string>>;
