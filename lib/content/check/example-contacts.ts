/**
 * A page's words speak for the clinic: an email address or phone number in them is one a patient would use. Those
 * kept for examples (lib/content/example-values.ts) reach no one, so the check refuses them, settings included.
 */
import { contentError, type ContentProblem } from "../errors";
import { exampleContactsIn, isExampleValue } from "../example-values";
import { yamlTextValues } from "../yaml";

const ADVICE = {
  email: "is an example address that reaches no one: write an address the clinic reads, or leave it out",
  phone: "is a 555-01xx number, kept for examples, which never rings: to show the clinic's number, use <CallButton />",
} as const;

export function checkExampleContacts(file: string, text: string): ContentProblem[] {
  return text
    .split(/\r?\n/)
    .flatMap((line, index) =>
      exampleContactsIn(line).map((contact) => contentError(file, index + 1, `"${contact.found}" ${ADVICE[contact.kind]}`, contact.index + 1)),
    );
}

/**
 * A data file whose every text is told to patients as the clinic's own (the language-assistance taglines): an
 * example in it ("Example", an example address or 555-01xx number) would be published as the clinic's words.
 */
export function checkExampleValuesInDataFile(file: string, text: string): ContentProblem[] {
  return yamlTextValues(text)
    .filter((value) => isExampleValue(value.text))
    .map((value) => contentError(file, value.line, `"${value.text}" is an example, not the clinic's: write the clinic's own words, or leave the entry out`));
}
