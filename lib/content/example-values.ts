/**
 * Values that only ever stand in for a real one: the examples in content/clinic.yaml's instructions ("123 Example
 * Street", "Dr. Example Name"), addresses at the domains kept for examples (example.com, .test, .invalid) and the
 * 555-0100 to 555-0199 phone numbers, kept for films and examples, which never ring.
 *
 * Where they are refused: wherever they would be the clinic's own facts, told to patients. content/clinic.yaml
 * (its schema, so the build and the content check both refuse them) holds every fact the pages show about the
 * clinic; a page's words may not give such an email address or phone number either, since a patient would write
 * or call it. The word "example" alone is refused only in clinic.yaml: in a page's words it is plain English
 * ("for example"). Where they are fine: the comments of clinic.yaml and the staff guide (they teach, nobody
 * publishes them), the README's settings (SITE_URL=https://www.example.com is an operator's example), and the
 * tests' patients and fixtures (made-up people, never shown as the clinic).
 */

/** A domain kept for examples (RFC 2606, RFC 6761): example, example.com/.net/.org, .test, .invalid, .localhost. */
const EXAMPLE_DOMAIN = String.raw`(?:[\p{L}\p{N}-]+\.)*(?:example(?:\.(?:com|net|org))?|test|invalid|localhost)`;

/** An email address at a domain kept for examples: it reaches no one. */
const EXAMPLE_EMAIL = new RegExp(String.raw`[\p{L}\p{N}._%+-]+@${EXAMPLE_DOMAIN}(?![\p{L}\p{N}.-]*[\p{L}\p{N}])`, "giu");

/** A US phone number 555-0100 to 555-0199, with or without its area code, written any common way. */
const EXAMPLE_PHONE = /(?<![\p{N}])(?:\+?1[\s.-]*)?(?:\(?\d{3}\)?[\s.-]*)?555[\s.-]*01\d\d(?![\p{N}])/gu;

/** "Example" as a word of its own, in any case: "Dr. Example Name", but not "Exampleton". */
const EXAMPLE_WORD = /(?<![\p{L}\p{N}])example(?![\p{L}\p{N}])/iu;

export interface ExampleContact {
  /** The text as written, e.g. "info@example.com" or "(501) 555-0123". */
  found: string;
  kind: "email" | "phone";
  /** Where it starts in the text. */
  index: number;
}

/** Every example email address and phone number in `text`, in order. */
export function exampleContactsIn(text: string): ExampleContact[] {
  const found = [
    ...[...text.matchAll(EXAMPLE_EMAIL)].map((match) => ({ found: match[0], kind: "email" as const, index: match.index })),
    ...[...text.matchAll(EXAMPLE_PHONE)].map((match) => ({ found: match[0].trim(), kind: "phone" as const, index: match.index })),
  ];
  return found.sort((a, b) => a.index - b.index);
}

/** Whether a phone number's 10 digits are a 555-01xx number, kept for examples. */
export function isExamplePhoneNumber(digits: string): boolean {
  return /^\d{3}55501\d\d$/.test(digits);
}

/** Whether a value stands in for a real one: the word "example", an example address or phone number. */
export function isExampleValue(text: string): boolean {
  return EXAMPLE_WORD.test(text) || exampleContactsIn(text).length > 0;
}

/** Whether a host name is at a domain kept for examples (www.example.com, clinic.test): no patient can reach it. */
export function isExampleHostname(hostname: string): boolean {
  return new RegExp(`^${EXAMPLE_DOMAIN}$`, "iu").test(hostname.replace(/\.$/, ""));
}
