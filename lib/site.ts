/**
 * The clinic's facts, the one source for the name and phone number on every page, in metadata and in
 * structured data. Staff edit content/clinic.yaml; this module validates it and derives every form of the phone.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError } from "./content/errors";
import { isExamplePhoneNumber, isExampleValue } from "./content/example-values";
import { BEST_TIMES, type BestTime } from "./appointments/fields";
import { boundedText, optionalText, strictFields } from "./content/schema-helpers";
import { parseYamlWithSchema } from "./content/yaml";
import { readOnceInProduction } from "./read-once";

export const CLINIC_FILE = path.join("content", "clinic.yaml");

/** The days `hours` may name, in the week's order (also the clinic's facts form's choices). */
export const WEEK_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const clockTime = z
  .string({ error: "must be a time written as HH:MM in quotes, e.g. \"08:00\"" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time written as HH:MM in quotes, e.g. \"08:00\"" });

/** A US phone number written any common way; stored as its 10 digits. */
const usPhoneDigits = z
  .union([z.string(), z.number()], { error: "is missing: write the clinic's number, e.g. 501.224.4001" })
  .transform((value) => String(value).replace(/\D/g, "").replace(/^1(?=\d{10}$)/, ""))
  .refine((digits) => /^[2-9]\d{2}[2-9]\d{6}$/.test(digits), {
    error: "must be a 10-digit US phone number, e.g. 501.224.4001",
    abort: true,
  })
  .refine((digits) => !isExamplePhoneNumber(digits), {
    error: "is a 555-01xx number, kept for examples, which never rings: write the number patients call, e.g. 501.224.4001",
  });

/** An email address patients may write to (those who cannot phone, a civil-rights complaint). */
const emailAddress = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value ?? undefined),
  z.email({ error: "must be an email address, e.g. frontdesk@mocekspine.com" }).max(254).optional(),
);

/** The call times the appointment form may offer; "any" is added by the form when more than one is offered. */
export const OFFERED_CALL_TIMES = (Object.keys(BEST_TIMES) as BestTime[]).filter((time) => time !== "any");

/** Every text value in the clinic's facts with its path, for the rule that no example is published as a fact. */
function textValuesOf(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textValuesOf(item, [...path, index]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, item]) => textValuesOf(item, [...path, key]));
  return [];
}

export const clinicFactsSchema = strictFields({
  name: boundedText(2, 60),
  phone: usPhoneDigits,
  address: z
    .strictObject({
      street: boundedText(3, 100),
      city: boundedText(2, 60),
      region: boundedText(2, 30),
      postalCode: z.coerce.string().regex(/^\d{5}(-\d{4})?$/, { error: "must be a ZIP code like 72201" }),
    })
    .optional(),
  hours: z
    .array(
      z.strictObject({
        days: z.array(z.enum(WEEK_DAYS, { error: `must be day names: ${WEEK_DAYS.join(", ")}` })).min(1),
        opens: clockTime,
        closes: clockTime,
      }),
    )
    .optional(),
  physicians: z
    .array(
      z.strictObject({
        name: boundedText(3, 80),
        credentials: optionalText(40),
        role: optionalText(80),
      }),
    )
    .optional(),
  /** For patients who cannot phone (deaf or hard of hearing, no voice): shown beside the phone number. */
  email: emailAddress,
  /** The notices a US clinic must post (HIPAA 45 CFR 164.520, ACA Section 1557); see the comments in clinic.yaml. */
  notices: strictFields({
    /** The clinic's own Notice of Privacy Practices: a file in public/documents/ ("/documents/….pdf") or a page ("/…"). */
    privacyPractices: z
      .string({ error: "must be the address of the notice, e.g. /documents/notice-of-privacy-practices.pdf" })
      .trim()
      .regex(/^\/[a-z0-9][a-z0-9/._-]*$/, {
        error: "must start with / and use only small letters, digits, - and _, e.g. /documents/notice-of-privacy-practices.pdf",
      })
      .optional(),
    /** The person who handles civil-rights grievances (the Section 1557 coordinator), named on /nondiscrimination. */
    civilRightsContact: strictFields({
      name: boundedText(3, 100),
      phone: usPhoneDigits.optional(),
      email: emailAddress,
      address: optionalText(200),
    }).optional(),
    /** The file in content/ with the language-assistance taglines, each written by a translator the clinic chose. */
    languageTaglines: z
      .string({ error: "must be a file name in content/, e.g. language-taglines.yaml" })
      .trim()
      .regex(/^[a-z0-9-]+\.yaml$/, { error: "must be a file name in content/, e.g. language-taglines.yaml" })
      .optional(),
  }).optional(),
  /** Whether the clinic takes part in a CMS-approved MILD study (Medicare pays only for patients in one). */
  medicareStudy: z
    .enum(["takes-part", "does-not-take-part"], { error: 'must be "takes-part" or "does-not-take-part"' })
    .optional(),
  /** What the confirmation after a request promises: how soon staff call back, and from which number. */
  callBack: strictFields({
    withinBusinessDays: z.number({ error: "must be a whole number of business days, e.g. 1" }).int().min(1).max(10),
    from: usPhoneDigits,
  }).optional(),
  /** The call times staff really offer; the form's choices. */
  callTimes: z
    .array(z.enum(OFFERED_CALL_TIMES as [BestTime, ...BestTime[]], { error: `must be among: ${OFFERED_CALL_TIMES.join(", ")}` }))
    .min(1)
    .optional(),
}).superRefine((facts, context) => {
  // The commented-out block in clinic.yaml shows each field with an example ("Dr. Example Name"); uncommented and
  // left as it is, it would publish a made-up doctor and address (see lib/content/example-values.ts).
  for (const { path, text } of textValuesOf(facts)) {
    // Phone numbers have their own rule (usPhoneDigits), which names the 555-01xx numbers.
    const isPhoneNumber = path.at(-1) === "phone" || path.at(-1) === "from";
    if (isPhoneNumber || !isExampleValue(text)) continue;
    context.addIssue({
      code: "custom",
      path,
      message:
        `is "${text}", an example, not the clinic's: write the clinic's own, ` +
        'or put the "# " back at the start of these lines until the clinic publishes it',
    });
  }
});

export type ClinicFacts = z.infer<typeof clinicFactsSchema>;

export interface Phone {
  /** As patients read it: 501.224.4001 (the clinic's own style). */
  display: string;
  /** The link that dials it: tel:+15012244001. */
  href: string;
  /** For structured data: +1-501-224-4001. */
  international: string;
}

export function phoneFromDigits(digits: string): Phone {
  const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return {
    display: `${area}.${exchange}.${line}`,
    href: `tel:+1${digits}`,
    international: `+1-${area}-${exchange}-${line}`,
  };
}

export type Clinic = Omit<ClinicFacts, "phone" | "callBack"> & {
  phone: Phone;
  callBack?: { withinBusinessDays: number; from: Phone };
};

/** Parses the clinic file's text; throws a ContentError naming the file, line and field. */
export function parseClinicFacts(yamlText: string, file = CLINIC_FILE): Clinic {
  const result = parseYamlWithSchema(file, yamlText, clinicFactsSchema);
  if (!result.ok) throw new ContentError(result.problems);
  const { callBack, ...facts } = result.data;
  return {
    ...facts,
    phone: phoneFromDigits(facts.phone),
    ...(callBack ? { callBack: { ...callBack, from: phoneFromDigits(callBack.from) } } : {}),
  };
}

/** The clinic's facts. */
export const getClinic = readOnceInProduction(() =>
  parseClinicFacts(fs.readFileSync(path.join(process.cwd(), CLINIC_FILE), "utf8")),
);
