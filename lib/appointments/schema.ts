/**
 * The appointment request: the one definition of what a patient may send, used by the form in the browser
 * (react-hook-form) and again by the server action. Messages are written for patients.
 */
import { z } from "zod";

// zod probes for eval (new Function) to compile fast parsers; the site's Content-Security-Policy forbids eval,
// and the probe alone is reported as a violation in the browser. These few fields need no compiled parser.
z.config({ jitless: true });

export const BEST_TIMES = {
  morning: "Morning",
  afternoon: "Afternoon",
  evening: "Evening",
  any: "Any time",
} as const;

export type BestTime = keyof typeof BEST_TIMES;

export const FIELD_LIMITS = { fullName: 100, phone: 30, email: 254, reason: 500 } as const;

// C0 and C1 control characters, except tab, line feed and carriage return, which pasted text may carry.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Text a patient typed: normalised (NFC, trimmed, inner spaces collapsed), free of control characters, bounded. */
function patientText(label: string, max: number, { multiline = false } = {}) {
  return z
    .string({ error: `Please enter ${label}` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: `Please remove unusual characters from ${label}` })
    .transform((value) => {
      const normalised = value.normalize("NFC").replace(/\r\n?/g, "\n");
      return (multiline ? normalised.replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n") : normalised.replace(/\s+/g, " ")).trim();
    })
    .pipe(z.string().max(max, { error: `Please keep ${label} to ${max} characters or fewer` }));
}

/** US phone numbers, written any common way; stored as +1 and 10 digits. */
const usPhone = patientText("your phone number", FIELD_LIMITS.phone)
  .pipe(z.string().min(1, { error: "Please enter your phone number" }))
  .transform((value) => value.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, ""))
  .pipe(
    z
      .string()
      .regex(/^[2-9]\d{2}[2-9]\d{6}$/, { error: "Please enter a 10-digit phone number, like 501-555-0123" })
      .transform((digits) => `+1${digits}`),
  );

const optionalEmail = patientText("your email address", FIELD_LIMITS.email)
  .pipe(
    z.union([z.literal(""), z.email({ error: "Please enter an email address like name@example.com, or leave it empty" })]),
  )
  .transform((value) => value || undefined);

/** A checkbox: "on" from a posted form, true from react-hook-form. */
const checked = (message: string) =>
  z.preprocess((value) => value === true || value === "on", z.literal(true, { error: message }));

export const appointmentRequestSchema = z.object({
  fullName: patientText("your full name", FIELD_LIMITS.fullName).pipe(
    z.string().min(2, { error: "Please enter your full name" }),
  ),
  phone: usPhone,
  email: optionalEmail.optional().transform((value) => value || undefined),
  bestTime: z.enum(Object.keys(BEST_TIMES) as [BestTime, ...BestTime[]], {
    error: "Please choose the best time for us to call",
  }),
  reason: patientText("the reason for your visit", FIELD_LIMITS.reason, { multiline: true })
    .optional()
    .transform((value) => value || undefined),
  acknowledged: checked("Please check this box to confirm you have read the notice"),
});

/** What the form holds while the patient types. */
export type AppointmentRequestInput = z.input<typeof appointmentRequestSchema>;
/** What the server stores: trimmed, normalised, phone as +1XXXXXXXXXX. */
export type AppointmentRequest = z.output<typeof appointmentRequestSchema>;
export type AppointmentField = keyof AppointmentRequestInput;

/** The form fields in page order, for the error summary and for reading posted form data. */
export const APPOINTMENT_FIELDS = ["fullName", "phone", "email", "bestTime", "reason", "acknowledged"] as const satisfies readonly AppointmentField[];

/** The name of the hidden field only bots fill in. */
export const HONEYPOT_FIELD = "website";

export type FieldErrors = Partial<Record<AppointmentField, string>>;

/** The first message for each field, in page order. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as AppointmentField | undefined;
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}
