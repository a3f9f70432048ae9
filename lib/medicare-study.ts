/**
 * The answer /faq and /evidence give to "will Medicare pay?": Medicare pays for MILD only within a CMS-approved
 * study, so the answer depends on whether the clinic takes part (`medicareStudy` in content/clinic.yaml). Staff
 * write the three answers in content/medicare-study.yaml; the page (<MedicareStudyAnswer />) and the FAQ's
 * structured data both take the words from medicareStudyAnswer, so search engines read what patients read.
 */
import path from "node:path";
import type { z } from "zod";
import { ContentError, contentError } from "./content/errors";
import { boundedText, strictFields } from "./content/schema-helpers";
import { parseYamlWithSchema, readYamlFile, type YamlParseResult } from "./content/yaml";
import { readOnceInProduction } from "./read-once";
import { getClinic, type Clinic } from "./site";

export const MEDICARE_STUDY_FILE = path.join("content", "medicare-study.yaml");

export const MEDICARE_STUDY_FILE_MISSING = "is missing: <MedicareStudyAnswer /> takes its words from it";

export const medicareStudyTextsSchema = strictFields({
  "takes-part": boundedText(20, 400),
  "does-not-take-part": boundedText(20, 400),
  /** While content/clinic.yaml does not say: the page must not claim either way. */
  "not-set": boundedText(20, 400),
});

export type MedicareStudyTexts = z.output<typeof medicareStudyTextsSchema>;

export function parseMedicareStudyTexts(yamlText: string, file = MEDICARE_STUDY_FILE): YamlParseResult<MedicareStudyTexts> {
  return parseYamlWithSchema(file, yamlText, medicareStudyTextsSchema);
}

/** The answers, read from content/medicare-study.yaml; a problem stops the build, naming the file, line and field. */
export const getMedicareStudyTexts = readOnceInProduction(() =>
  readYamlFile(MEDICARE_STUDY_FILE, parseMedicareStudyTexts, () => {
    throw new ContentError([contentError(MEDICARE_STUDY_FILE, 1, MEDICARE_STUDY_FILE_MISSING)]);
  }),
);

/** The answer for what the clinic has said about the study, in staff's words. */
export function medicareStudyAnswer(
  clinic: Pick<Clinic, "medicareStudy"> = getClinic(),
  texts: MedicareStudyTexts = getMedicareStudyTexts(),
): string {
  return texts[clinic.medicareStudy ?? "not-set"];
}
