/**
 * The frontmatter of a content page: the one definition of what each page must declare about itself.
 * The build, the navigation, the metadata and the tests all read pages through this schema.
 */
import { z } from "zod";
import { isExampleValue } from "./example-values";
import { boundedText, strictFields } from "./schema-helpers";

/** Today's date as YYYY-MM-DD in UTC, which is never behind the clinic's local date (US time zones). */
function todayIsoDate(): string {
  return new Date().toISOString().slice(0, 10);
}

const pastOrTodayDate = z
  .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be a date written as YYYY-MM-DD") })
  .trim()
  .pipe(z.iso.date({ error: "must be a real date written as YYYY-MM-DD, for example 2026-11-26" }))
  .refine((date) => date <= todayIsoDate(), { error: "must not be in the future" });

export const NAV_AREAS = ["main", "footer"] as const;

export const pageFrontmatterSchema = strictFields({
  /** The page's heading and the first part of its browser title ("… | Mocek Spine", at most 60 characters). */
  title: boundedText(10, 45),
  /** One or two sentences shown in search results and link previews. */
  description: boundedText(70, 160),
  /** The short name in the menu. */
  navLabel: boundedText(2, 24),
  /** The position in the menu, 1 first. */
  navOrder: z
    .number({ error: "must be a whole number from 1 to 99" })
    .int({ error: "must be a whole number from 1 to 99" })
    .min(1, { error: "must be a whole number from 1 to 99" })
    .max(99, { error: "must be a whole number from 1 to 99" }),
  /** `main` lists the page in the top menu; `footer` only in the footer (policies). */
  navArea: z.enum(NAV_AREAS, { error: `must be one of: ${NAV_AREAS.join(", ")}` }).default("main"),
  /**
   * The date the page last changed, even by a comma: search engines get it as the date modified, and medical pages
   * show it as "Last updated". It says nothing about a physician's review (that is `reviewed`).
   */
  updated: pastOrTodayDate,
  /**
   * The physician who approved the page's words, named exactly as in content/clinic.yaml's `physicians`; shown as
   * "Medically reviewed by". Only with `reviewed`, and left out until a physician has approved the page.
   */
  reviewedBy: boundedText(3, 80)
    // Judged here as well as against clinic.yaml's physicians, which are not checked while that file has errors.
    .refine((name) => !isExampleValue(name), {
      error: (issue) =>
        `is "${String(issue.input)}", an example, not a physician: write the name of the physician who approved these words, ` +
        "as in content/clinic.yaml, or leave `reviewedBy` and `reviewed` out",
    })
    .optional(),
  /**
   * The date that physician approved the words, shown as "Last reviewed". Set by an approval together with
   * `reviewedBy`, and cleared with it when a medical page's words change (lib/content/medical-review.ts).
   */
  reviewed: pastOrTodayDate.optional(),
  /**
   * `false` for pages that give no medical information (policies, contact, about us): they show no dates, which
   * tell readers how current the medical words are, and need no physician's approval.
   */
  medical: z.boolean({ error: "must be true or false" }).default(true),
  /** The big heading, when it should differ from the title (the home page asks the reader's question). */
  headline: boundedText(10, 60).optional(),
  /** A sentence or two shown large under the heading, before the page's words (the home page's opening message). */
  intro: boundedText(40, 260).optional(),
}).superRefine((page, context) => {
  // A review is one approval: who and when together, never a name copied from another page without its date.
  const bothOrNeither = "write both, or leave both out until a physician has reviewed the page";
  if (page.reviewedBy !== undefined && page.reviewed === undefined) {
    context.addIssue({
      code: "custom",
      path: ["reviewedBy"],
      message: `needs \`reviewed\` beside it, the date the physician approved these words: ${bothOrNeither}`,
    });
  }
  if (page.reviewed !== undefined && page.reviewedBy === undefined) {
    context.addIssue({
      code: "custom",
      path: ["reviewed"],
      message: `needs \`reviewedBy\` beside it, the physician who approved these words: ${bothOrNeither}`,
    });
  }
  if (page.reviewed !== undefined && page.reviewed > page.updated) {
    context.addIssue({
      code: "custom",
      path: ["reviewed"],
      message:
        `(${page.reviewed}) is after \`updated\` (${page.updated}): a physician approves words that exist, ` +
        "so `updated` is at least the day of the approval",
    });
  }
});

export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
