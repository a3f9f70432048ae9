/**
 * The language-assistance taglines (45 CFR 92.11): one short sentence per language saying that free language
 * help is available. A translator the clinic chose writes each in the file content/clinic.yaml names
 * (`notices.languageTaglines`); the site never writes or machine-translates one. /language-assistance shows
 * them, each marked with its language and direction so screen readers speak it and browsers lay it out right.
 */
import path from "node:path";
import { z } from "zod";
import { boundedText, optionalText, strictFields } from "./schema-helpers";
import { parseYamlWithSchema, readYamlFile, type YamlParseResult } from "./yaml";
import { readOnceInProduction } from "../read-once";
import { getClinic, type Clinic } from "../site";

const DIRECTION_RULE = "ltr (left to right) or rtl (right to left, e.g. Arabic)";

/** A BCP 47 language tag as browsers read `lang`: Intl refuses what is not one. */
const languageTag = z
  .string({ error: (issue) => (issue.input === undefined ? "is missing: write the language tag (BCP 47), e.g. es" : "must be text") })
  .trim()
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { error: "must be a language tag (BCP 47), e.g. es, zh-Hant or ar" },
  );

export const languageTaglineSchema = strictFields({
  /** The language's name in English, for staff and the launch check, e.g. "Spanish". */
  language: boundedText(2, 60),
  /**
   * The tagline in that language, as the translator wrote it. Left empty, the language is listed as still needed:
   * the page leaves it out and `npm run launch:check` names it, so the list of languages can be written before
   * the translations arrive.
   */
  text: optionalText(400),
  /** Its language tag, given to the page as `lang`. */
  lang: languageTag,
  /** Which way the language is written, given to the page as `dir`. */
  dir: z.enum(["ltr", "rtl"], {
    error: (issue) => (issue.input === undefined ? `is missing: write ${DIRECTION_RULE}` : `must be ${DIRECTION_RULE}`),
  }),
});

export const languageTaglinesSchema = z
  .array(languageTaglineSchema, { error: "must be a list of taglines, each starting with `- language:`" })
  .superRefine((taglines, context) => {
    const seen = new Set<string>();
    taglines.forEach((tagline, index) => {
      const canonical = Intl.getCanonicalLocales(tagline.lang)[0] ?? tagline.lang;
      if (seen.has(canonical)) {
        context.addIssue({ code: "custom", path: [index, "lang"], message: `\`${tagline.lang}\` is listed twice; each language needs one tagline` });
      }
      seen.add(canonical);
    });
  });

export type LanguageTagline = z.infer<typeof languageTaglineSchema>;

/** The taglines a translator has written, which the page shows. */
export function translatedTaglines(taglines: readonly LanguageTagline[]): (LanguageTagline & { text: string })[] {
  return taglines.filter((tagline): tagline is LanguageTagline & { text: string } => tagline.text !== undefined);
}

/** The file content/clinic.yaml names for the taglines, relative to the project, or undefined while it names none. */
export function languageTaglinesFile(clinic: Pick<Clinic, "notices">): string | undefined {
  const name = clinic.notices?.languageTaglines;
  return name === undefined ? undefined : path.posix.join("content", name);
}

export function parseLanguageTaglines(yamlText: string, file: string): YamlParseResult<LanguageTagline[]> {
  return parseYamlWithSchema(file, yamlText, languageTaglinesSchema);
}

/** The taglines, in the order of their file; none while content/clinic.yaml names no file. */
export const getLanguageTaglines = readOnceInProduction((): LanguageTagline[] => {
  const file = languageTaglinesFile(getClinic());
  if (file === undefined) return [];
  return readYamlFile(file, (text) => parseLanguageTaglines(text, file));
});
