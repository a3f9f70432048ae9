/**
 * The frontmatter of a content page: the one definition of what each page must declare about itself.
 * The build, the navigation, the metadata and the tests all read pages through this schema.
 */
import { z } from "zod";
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
  /** The date the page's words were last reviewed, given to search engines and, on medical pages, shown on the page. */
  updated: pastOrTodayDate,
  /**
   * The physician who checked the page's medical facts, named exactly as in content/clinic.yaml's `physicians`;
   * shown as "Medically reviewed by". Left out until a physician has reviewed the page.
   */
  reviewedBy: boundedText(3, 80).optional(),
  /**
   * `false` for pages that give no medical information (policies, contact, about us): they do not show the
   * "Last reviewed" date, which tells readers how current the medical words are.
   */
  medical: z.boolean({ error: "must be true or false" }).default(true),
  /** The big heading, when it should differ from the title (the home page asks the reader's question). */
  headline: boundedText(10, 60).optional(),
  /** A sentence or two shown large under the heading, before the page's words (the home page's opening message). */
  intro: boundedText(40, 260).optional(),
});

export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
