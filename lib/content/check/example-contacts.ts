/**
 * A page's words speak for the clinic: an email address or phone number in them is one a patient would use. Those
 * kept for examples (lib/content/example-values.ts) reach no one, so the check refuses them, settings included.
 */
import { contentError, type ContentProblem } from "../errors";
import { exampleContactsIn } from "../example-values";

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
