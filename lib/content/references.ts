/**
 * The studies and sources pages cite: staff list them once in content/references.yaml, pages cite them with
 * `<Cite id="…" />` and list them with `<References />`. Numbers follow the order of the file, so a citation's
 * number is the same on every page.
 */
import path from "node:path";
import { z } from "zod";
import { boundedText, strictFields } from "./schema-helpers";
import { parseYamlWithSchema, readYamlFile, type YamlParseResult } from "./yaml";
import { readOnceInProduction } from "../read-once";
import { closestMatch } from "./suggest.mjs";
import { referenceIdSchema } from "./reference-id";

export const REFERENCES_FILE = path.join("content", "references.yaml");

export { referenceIdSchema };

export const referenceSchema = strictFields({
  id: referenceIdSchema,
  /** The citation exactly as the fact sheet gives it: authors, journal, year, volume and pages. */
  citation: boundedText(10, 300),
  /** The DOI without its link part, e.g. 10.1097/AAP.0000000000000868; the page links it to doi.org. */
  doi: z
    .string({ error: "must be a DOI such as 10.1097/AAP.0000000000000868" })
    .regex(/^10\.\d{4,9}\/\S+$/, { error: "must be a DOI such as 10.1097/AAP.0000000000000868 (without https://doi.org/)" })
    .optional(),
  /** The PubMed ID, digits only, e.g. 30199512; the page links it to PubMed. */
  pmid: z.coerce
    .string()
    .regex(/^\d{1,9}$/, { error: "must be a PubMed ID: digits only, e.g. 30199512" })
    .optional(),
  /** The ClinicalTrials.gov number, e.g. NCT03610737; the page links it to the trial's entry. */
  nct: z
    .string({ error: "must be a ClinicalTrials.gov number such as NCT03610737" })
    .regex(/^NCT\d{8}$/, { error: "must be a ClinicalTrials.gov number such as NCT03610737" })
    .optional(),
});

export const referencesFileSchema = z.array(referenceSchema, { error: "must be a list of references, each starting with `- id:`" }).superRefine((references, context) => {
  const seen = new Set<string>();
  references.forEach((reference, index) => {
    if (seen.has(reference.id)) {
      context.addIssue({ code: "custom", path: [index, "id"], message: `\`${reference.id}\` is used by two references; each needs its own` });
    }
    seen.add(reference.id);
  });
});

export type Reference = z.infer<typeof referenceSchema>;

export function parseReferences(yamlText: string, file = REFERENCES_FILE): YamlParseResult<Reference[]> {
  return parseYamlWithSchema(file, yamlText, referencesFileSchema);
}

/** What is wrong with citing `id`, or undefined when the references list has it. */
export function unknownReferenceProblem(id: string, references: readonly Reference[]): string | undefined {
  const ids = references.map((reference) => reference.id);
  if (ids.includes(id)) return undefined;
  const suggestion = closestMatch(id, ids);
  return (
    `<Cite id="${id}" /> names a reference that is not in ${REFERENCES_FILE}` +
    (suggestion ? ` (did you mean "${suggestion}"?)` : `; add it there first`)
  );
}

/** The references, in the order of the file (their numbers on the site). */
export const getReferences = readOnceInProduction(() => readYamlFile(REFERENCES_FILE, parseReferences));

/** The link a DOI opens. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** The study's summary in PubMed. */
export function pubMedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

/** The trial's entry in ClinicalTrials.gov. */
export function clinicalTrialUrl(nct: string): string {
  return `https://clinicaltrials.gov/study/${nct}`;
}
