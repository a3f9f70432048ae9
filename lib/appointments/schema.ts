/**
 * The appointment request: the one definition of what a patient may send, used by the form in the browser
 * (react-hook-form) and again by the server action. Messages are written for patients.
 */
// zod's "mini" build: the same checks, written as functions instead of methods so that a bundle carries only
// the ones used. This schema is the only zod code the browser loads (components/appointment/lazy-resolver.ts).
import * as z from "zod/mini";
import { hasHiddenOrReorderingCharacters, visibleCharacters } from "./safe-text";
import { ALL_BEST_TIMES, BEST_TIMES, FIELD_LIMITS, type AppointmentField, type BestTime, type FieldErrors } from "./fields";

// zod probes for eval (new Function) to compile fast parsers; the site's Content-Security-Policy forbids eval,
// and the probe alone is reported as a violation in the browser. These few fields need no compiled parser.
z.config({ jitless: true });


/** The length a patient sees: characters, not the UTF-16 units of JavaScript's `length` (an emoji is one). */
export const characterCount = (text: string) => [...text].length;

/** Text a patient typed: normalised (NFC, trimmed, inner spaces collapsed), free of control characters, bounded. */
function patientText(label: string, max: number, { multiline = false } = {}) {
  const typed = z
    .string({ error: `Please enter ${label}` })
        // Control characters (tab and line breaks aside), and characters that reorder or hide text: they could make a
    // name display as something else, e.g. as a phone number, in the staff's list.
    .check(z.refine((value) => !hasHiddenOrReorderingCharacters(value), { error: `Please remove unusual characters from ${label}` }));
  const normalised = z.transform((value: string) => {
    const lines = value.normalize("NFC").replace(/\r\n?/g, "\n");
    return (multiline ? lines.replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n") : lines.replace(/\s+/g, " ")).trim();
  });
  const bounded = z.string().check(
    z.superRefine((value, context) => {
      const count = characterCount(value);
      if (count > max) {
        context.issues.push({ code: "custom", input: value, message: `Please keep ${label} to ${max} characters or fewer (it has ${count})` });
      }
    }),
  );
  return z.pipe(z.pipe(typed, normalised), bounded);
}

// A name needs at least one letter a reader can see: one of only invisible characters (zero-width spaces, Hangul
// fillers, which count as letters) reads as nothing.
const hasVisibleLetter = (value: string) => /\p{L}/u.test(visibleCharacters(value));

/** US phone numbers, written any common way; stored as +1 and 10 digits. */
const usPhone = z.pipe(
  z.pipe(
    z.pipe(patientText("your phone number", FIELD_LIMITS.phone), z.string().check(z.minLength(1, { error: "Please enter your phone number" }))),
    z.transform((value: string) => value.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "")),
  ),
  z.pipe(
    z.string().check(z.regex(/^[2-9]\d{2}[2-9]\d{6}$/, { error: "Please enter a 10-digit phone number, like 501-555-0123" })),
    z.transform((digits: string) => `+1${digits}`),
  ),
);

/** Optional text: an empty answer is stored as no answer. */
const emptyAsMissing = (schema: z.ZodMiniType<string, string>) =>
  z.pipe(z.optional(schema), z.transform((value: string | undefined) => value || undefined));

const optionalEmail = emptyAsMissing(
  z.pipe(
    patientText("your email address", FIELD_LIMITS.email),
    z.union([z.literal(""), z.email({ error: "Please enter an email address like name@example.com, or leave it empty" })]),
  ),
);

/** A checkbox: "on" from a posted form, true from react-hook-form. */
const checked = (message: string) =>
  z.pipe(
    z.transform((value: unknown) => value === true || value === "on"),
    z.literal(true, { error: message }),
  );

/** "Morning, Afternoon or Any time": the choices as the form labels them. */
function choicesInWords(times: readonly BestTime[]): string {
  const labels = times.map((time) => BEST_TIMES[time]);
  return labels.length < 2 ? labels.join("") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

/**
 * One of the call times offered. A time the form knows but the clinic does not offer (a page from before the
 * clinic changed its times, or a hand-made post) is named, with the times to choose from instead.
 */
function bestTimeAmong(offered: readonly BestTime[]) {
  return z.enum(ALL_BEST_TIMES, { error: "Please choose the best time for us to call" }).check(
    z.refine((time) => offered.includes(time), {
      error: (issue) => `"${BEST_TIMES[issue.input as BestTime]}" is not a time we call. Please choose ${choicesInWords(offered)}`,
    }),
  );
}

/**
 * The request, with the call times the clinic offers (offeredBestTimes in ./fields.ts): the form in the browser
 * and the server action build it from the same list, so both refuse the same times with the same words.
 */
export function appointmentRequestSchemaFor(offeredTimes: readonly BestTime[]) {
  return z.object({
    fullName: z.pipe(
      patientText("your full name", FIELD_LIMITS.fullName),
      z.string().check(
        z.minLength(2, { error: "Please enter your full name" }),
        z.refine(hasVisibleLetter, { error: "Please enter your full name" }),
      ),
    ),
    phone: usPhone,
    email: optionalEmail,
    bestTime: bestTimeAmong(offeredTimes),
    reason: emptyAsMissing(patientText("the reason for your visit", FIELD_LIMITS.reason, { multiline: true })),
    acknowledged: checked("Please check this box to confirm you have read the notice"),
  } satisfies Record<AppointmentField, z.ZodMiniType>);
}

/** The request with every call time offered: its types, and the check where the clinic's times do not matter. */
export const appointmentRequestSchema = appointmentRequestSchemaFor(ALL_BEST_TIMES);

/** What the form holds while the patient types. */
export type AppointmentRequestInput = z.input<typeof appointmentRequestSchema>;
/** What the server stores: trimmed, normalised, phone as +1XXXXXXXXXX. */
export type AppointmentRequest = z.output<typeof appointmentRequestSchema>;

/** The first message for each field, in page order. */
export function fieldErrorsOf(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as AppointmentField | undefined;
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}
