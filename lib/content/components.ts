/**
 * The components staff may write in content/*.mdx, and for each: the fields it accepts (one zod schema, which
 * the component applies when the page is built and the content check applies before that), where it may stand
 * and what it may hold. components/mdx/index.ts gives each name its React component.
 */
import { z } from "zod";
import { pictureFileNameProblem } from "../pictures/names";
import { PICTURE_DESCRIPTION_RULE } from "./picture-description";
import { referenceIdSchema } from "./reference-id";
import { strictFields } from "./schema-helpers";

export const CALLOUT_TYPES = ["info", "important", "emergency"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** Text that must be written, with a hint of what to write when it is missing or empty. */
function requiredText(whatToWrite: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is missing: ${whatToWrite}` : `must be text in quotes: ${whatToWrite}`) })
    .trim()
    .min(1, { error: `is empty: ${whatToWrite}` })
    .describe(whatToWrite);
}

/** Where a component may stand: `block` on a line of its own with blank lines around it, `inline` inside a sentence. */
export type ComponentPlacement = "block" | "inline";

/** What a component holds between its tags: nothing (`<X />`), words, a Markdown numbered or bullet list, or pictures. */
export type ComponentContent = "none" | "words" | "numbered-list" | "bullet-list" | "figures";

interface StaffComponentRule {
  /** What it is, for the editor's menu and the staff guide. */
  summary: string;
  fields: z.ZodType<Record<string, unknown>>;
  placement: ComponentPlacement;
  content: ComponentContent;
}

const noFields = strictFields({});

export const staffComponentRules = {
  CallButton: { summary: "The big button that calls the clinic.", fields: noFields, placement: "block", content: "none" },
  AppointmentButton: { summary: "A button to the online appointment request form.", fields: noFields, placement: "block", content: "none" },
  Callout: {
    summary: "A boxed note; its type sets its label and colour.",
    fields: strictFields({
      type: z.enum(CALLOUT_TYPES, { error: `must be one of: ${CALLOUT_TYPES.join(", ")}` }).default("info"),
    }),
    placement: "block",
    content: "words",
  },
  EmergencyNotice: { summary: "The red-flag symptoms that need the emergency room, word for word as the fact sheet gives them.", fields: noFields, placement: "block", content: "none" },
  SelfCheck: { summary: "\"Could MILD help me?\": the private self-check, with its words from content/self-check.yaml.", fields: noFields, placement: "block", content: "none" },
  MainPageLinks: { summary: "Short links to every main page (the home page ends with them).", fields: noFields, placement: "block", content: "none" },
  KeyFacts: { summary: "A few short facts as boxes, two a row on wide screens, around a Markdown bullet list (the home page uses it).", fields: noFields, placement: "block", content: "bullet-list" },
  Steps: { summary: "Numbered steps with large numbers, around a Markdown numbered list.", fields: noFields, placement: "block", content: "numbered-list" },
  FigureRow: { summary: "Two or three pictures side by side on wide screens (before and after), one above the other on phones.", fields: noFields, placement: "block", content: "figures" },
  Figure: {
    summary: "A picture from public/images/ with its description and a caption.",
    fields: strictFields({
      src: z
        .string({ error: (issue) => (issue.input === undefined ? "is missing: write the picture's address, e.g. /images/spine.svg" : "must be text in quotes") })
        // A space breaks the picture's address: say so, and what to rename the file to, before the general rule.
        .refine((src) => !/\s/.test(src), { error: (issue) => pictureFileNameProblem(String(issue.input)), abort: true })
        .regex(/^\/images\/[\w./-]+\.(?:svg|png|jpe?g|webp|avif|gif)$/i, {
          error: "must be a picture in public/images/, written like /images/spine.svg (svg, png, jpg, webp, avif or gif)",
        }),
      alt: requiredText(PICTURE_DESCRIPTION_RULE),
      caption: requiredText("write a short caption shown under the picture"),
    }),
    placement: "block",
    content: "none",
  },
  Cite: {
    summary: "A numbered link to a study in content/references.yaml, right after the words it supports.",
    fields: strictFields({ id: referenceIdSchema }),
    placement: "inline",
    content: "none",
  },
  References: { summary: "The numbered list of every reference in content/references.yaml, which <Cite> links to.", fields: noFields, placement: "block", content: "none" },
  ClinicContactDetails: { summary: "The clinic's address, a directions link and opening hours from content/clinic.yaml; nothing until they are set.", fields: noFields, placement: "block", content: "none" },
  ClinicPhysicians: { summary: "The clinic's physicians from content/clinic.yaml; nothing until they are set.", fields: noFields, placement: "block", content: "none" },
  MedicareStudyAnswer: {
    summary: "Whether Medicare may pay at our clinic: the answer from content/medicare-study.yaml that fits `medicareStudy` in content/clinic.yaml.",
    fields: noFields,
    placement: "block",
    content: "none",
  },
  OtherWaysToReachUs: {
    summary: "For those who cannot phone: \"call 711 (relay)\", and the email and postal address from content/clinic.yaml once set.",
    fields: noFields,
    placement: "block",
    content: "none",
  },
  QuestionList: {
    summary: "The page's questions (its ## headings) as links to each answer, made anew whenever the page is built: put it at the top of a page of questions.",
    fields: noFields,
    placement: "block",
    content: "none",
  },
  CivilRightsContact: {
    summary: "Whom to contact about civil rights, from content/clinic.yaml (notices: civilRightsContact); until set, the clinic's number.",
    fields: noFields,
    placement: "block",
    content: "none",
  },
  LanguageTaglines: {
    summary: "\"Free language help\" in other languages, from the translators' file content/clinic.yaml names; nothing until it is set.",
    fields: noFields,
    placement: "block",
    content: "none",
  },
} as const satisfies Record<string, StaffComponentRule>;

export type StaffComponentName = keyof typeof staffComponentRules;

/** The fields a component receives after its schema has checked them (defaults filled in). */
export type StaffComponentFields<Name extends StaffComponentName> = z.output<(typeof staffComponentRules)[Name]["fields"]>;

export const STAFF_COMPONENT_NAMES = Object.keys(staffComponentRules) as StaffComponentName[];

export function isStaffComponentName(name: string): name is StaffComponentName {
  return Object.hasOwn(staffComponentRules, name);
}

export interface ComponentFieldProblem {
  /** The field the problem is about, when there is one. */
  field?: string;
  /** The whole message, starting with the component, e.g. "<Figure> `alt` is missing: …". */
  message: string;
}

export type ComponentFieldsResult<Name extends StaffComponentName> =
  | { ok: true; data: StaffComponentFields<Name> }
  | { ok: false; problems: ComponentFieldProblem[] };

/** Checks the fields written on a component against its schema. */
export function parseComponentFields<Name extends StaffComponentName>(
  name: Name,
  written: Record<string, unknown>,
): ComponentFieldsResult<Name> {
  const result = staffComponentRules[name].fields.safeParse(written);
  if (result.success) return { ok: true, data: result.data as StaffComponentFields<Name> };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.map(String).join(".") || undefined;
      const subject = issue.code === "unrecognized_keys" || field === undefined ? "" : ` \`${field}\``;
      return { field, message: `<${name}>${subject} ${issue.message}` };
    }),
  };
}
