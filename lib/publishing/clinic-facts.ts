/**
 * The clinic's facts form: content/clinic.yaml as form values, and the form's values written back into the file.
 * Only the lines of the fields that changed change (the file's comments and layout are kept, through the `yaml`
 * package's Document API), and the result is judged by the schema the build uses (lib/site.ts), which also refuses
 * the examples from the file's instructions. Pure: the caller reads the file and saves the draft.
 */
import { isMap, isScalar, parseDocument, Scalar, type Document, type Node, type YAMLMap } from "yaml";
import { z } from "zod";
import { clinicFactsSchema } from "@/lib/site";

import { ADDRESS_FIELDS, CALL_BACK_FIELDS, CIVIL_RIGHTS_CONTACT_FIELDS, PHYSICIAN_FIELDS } from "./clinic-facts-fields";

/** Every fact as the form shows it: text as written, "" where the file has none. */
export interface ClinicFactsForm {
  name: string;
  phone: string;
  address: Record<(typeof ADDRESS_FIELDS)[number], string>;
  hours: { days: string[]; opens: string; closes: string }[];
  physicians: Record<(typeof PHYSICIAN_FIELDS)[number], string>[];
  email: string;
  notices: {
    privacyPractices: string;
    civilRightsContact: Record<(typeof CIVIL_RIGHTS_CONTACT_FIELDS)[number], string>;
    languageTaglines: string;
  };
  /** "takes-part", "does-not-take-part", or "" (not known yet). */
  medicareStudy: string;
  callBack: Record<(typeof CALL_BACK_FIELDS)[number], string>;
  callTimes: string[];
}

/** Each form field's problem, by its name in the form ("phone", "address.city", "physicians.0.name"). */
export type ClinicFactsErrors = Record<string, string>;

export type ClinicYamlUpdate = { ok: true; text: string; changed: boolean } | { ok: false; errors: ClinicFactsErrors };

/** Written in quotes: unquoted, a ZIP code such as 07201 would be read as a number (7201), a time as text or not. */
const QUOTED_FIELDS = new Set(["postalCode", "opens", "closes"]);
/** Written as a number when the text is one (the schema wants a number of days); other text stays for it to refuse. */
const NUMBER_FIELDS = new Set(["withinBusinessDays"]);
const valueFor = (field: string, text: string): string | number => (NUMBER_FIELDS.has(field) && /^\d+$/.test(text) ? Number(text) : text);

/** The fields of a map, each as text ("" where absent). */
const recordOf = <Field extends string>(fields: readonly Field[], value: unknown): Record<Field, string> => {
  const map = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, textOf(map[field])])) as Record<Field, string>;
};

const textOf = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

/** The facts in `yamlText` (a file the build accepts) as the form's values. */
export function clinicFactsFormValues(yamlText: string): ClinicFactsForm {
  const facts = (parseDocument(yamlText).toJS() ?? {}) as Record<string, unknown>;
  const notices = (facts.notices ?? {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  return {
    name: textOf(facts.name),
    phone: textOf(facts.phone),
    address: recordOf(ADDRESS_FIELDS, facts.address),
    hours: list(facts.hours).map((row) => ({
      days: Array.isArray(row.days) ? row.days.map(textOf) : [],
      opens: textOf(row.opens),
      closes: textOf(row.closes),
    })),
    physicians: list(facts.physicians).map((row) => recordOf(PHYSICIAN_FIELDS, row)),
    email: textOf(facts.email),
    notices: {
      privacyPractices: textOf(notices.privacyPractices),
      civilRightsContact: recordOf(CIVIL_RIGHTS_CONTACT_FIELDS, notices.civilRightsContact),
      languageTaglines: textOf(notices.languageTaglines),
    },
    medicareStudy: textOf(facts.medicareStudy),
    callBack: recordOf(CALL_BACK_FIELDS, facts.callBack),
    callTimes: Array.isArray(facts.callTimes) ? facts.callTimes.map(textOf) : [],
  };
}

/** The form's values as posted; rows of hours or physicians left blank (a form's spare row) are left out. */
export function clinicFactsFormFromData(data: FormData): ClinicFactsForm {
  const text = (name: string) => textOf(data.get(name)).trim();
  const rows = <Row>(prefix: string, read: (index: number) => Row, isBlank: (row: Row) => boolean): Row[] => {
    const indexes = new Set<number>();
    for (const key of data.keys()) {
      const index = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(key)?.[1];
      if (index !== undefined) indexes.add(Number(index));
    }
    return [...indexes].sort((a, b) => a - b).map(read).filter((row) => !isBlank(row));
  };
  return {
    name: text("name"),
    phone: text("phone"),
    address: Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, text(`address.${field}`)])) as ClinicFactsForm["address"],
    hours: rows(
      "hours",
      (index) => ({
        days: data.getAll(`hours.${index}.days`).map(textOf),
        opens: text(`hours.${index}.opens`),
        closes: text(`hours.${index}.closes`),
      }),
      (row) => row.days.length === 0 && row.opens === "" && row.closes === "",
    ),
    physicians: rows(
      "physicians",
      (index) => Object.fromEntries(PHYSICIAN_FIELDS.map((field) => [field, text(`physicians.${index}.${field}`)])) as ClinicFactsForm["physicians"][number],
      (row) => PHYSICIAN_FIELDS.every((field) => row[field] === ""),
    ),
    email: text("email"),
    notices: {
      privacyPractices: text("notices.privacyPractices"),
      civilRightsContact: Object.fromEntries(
        CIVIL_RIGHTS_CONTACT_FIELDS.map((field) => [field, text(`notices.civilRightsContact.${field}`)]),
      ) as ClinicFactsForm["notices"]["civilRightsContact"],
      languageTaglines: text("notices.languageTaglines"),
    },
    medicareStudy: text("medicareStudy"),
    callBack: Object.fromEntries(CALL_BACK_FIELDS.map((field) => [field, text(`callBack.${field}`)])) as ClinicFactsForm["callBack"],
    callTimes: data.getAll("callTimes").map(textOf),
  };
}

/** A new value as the file writes it: in quotes where the file's instructions ask for quotes. */
function scalarFor(field: string, value: string): Scalar {
  const scalar = new Scalar(valueFor(field, value));
  if (QUOTED_FIELDS.has(field)) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** A new map (an address, a row of hours, a physician, a contact) of the fields that have a value. */
function mapFor(document: Document, fields: Record<string, string | string[] | Record<string, string>>): YAMLMap {
  const map = document.createNode({}) as YAMLMap;
  for (const [field, value] of Object.entries(fields)) {
    if (Array.isArray(value)) map.set(field, listNode(document, value));
    else if (typeof value === "object") {
      if (!isEmpty(value)) map.set(field, mapFor(document, value));
    } else if (value !== "") map.set(field, scalarFor(field, value));
  }
  return map;
}

/** A list as the file's examples write them: `[Monday, Tuesday]`, `[morning, afternoon]`. */
function listNode(document: Document, items: string[]) {
  const node = document.createNode(items);
  node.flow = true;
  return node;
}

const isEmpty = (fields: Record<string, string>) => Object.values(fields).every((value) => value === "");

/**
 * Adds a fact the file did not have, below the rest. The comments at the end of the file (its instructions and the
 * commented-out examples) stay where they are, above the new field, which the YAML library would put below them.
 */
function addField(document: Document, key: string, value: Node): void {
  const contents = document.contents as YAMLMap;
  const pair = document.createPair(key, value);
  if (document.comment && isScalar(pair.key)) {
    pair.key.commentBefore = document.comment;
    pair.key.spaceBefore = true;
    document.comment = null;
  }
  contents.items.push(pair);
}

/** Writes one text field at `path` when it changed: a new value in place, an emptied one removed. */
function writeText(document: Document, path: (string | number)[], before: string, after: string): void {
  if (before === after) return;
  if (after === "") return void document.deleteIn(path);
  const field = String(path.at(-1));
  const written = document.getIn(path, true);
  if (!isScalar(written)) return void document.setIn(path, scalarFor(field, after));
  // The value changes in place, so the line keeps its comment and, where it had them, its quotes.
  written.value = valueFor(field, after);
  if (QUOTED_FIELDS.has(field) && written.type !== Scalar.QUOTE_SINGLE) written.type = Scalar.QUOTE_DOUBLE;
}

/** Writes a list (hours, physicians) row by row, so an unchanged row keeps its lines; rows past the end are removed. */
function writeRows<Row extends Record<string, string | string[]>>(
  document: Document,
  key: string,
  before: Row[],
  after: Row[],
  writeRow: (index: number, before: Row, after: Row) => void,
): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (after.length === 0) return void document.deleteIn([key]);
  if (!document.hasIn([key])) return addField(document, key, document.createNode(after.map((row) => mapFor(document, row))));
  after.forEach((row, index) => {
    const old = before[index];
    if (old === undefined) document.addIn([key], mapFor(document, row));
    else writeRow(index, old, row);
  });
  for (let index = before.length - 1; index >= after.length; index--) document.deleteIn([key, index]);
}

/** Writes a fact that is a map of text fields (the address, the call-back): removed when emptied, added when new. */
function writeMap(document: Document, path: string[], fields: readonly string[], before: Record<string, string>, after: Record<string, string>): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isEmpty(after)) return void document.deleteIn(path);
  if (isMap(document.getIn(path))) for (const field of fields) writeText(document, [...path, field], before[field] ?? "", after[field] ?? "");
  else if (path.length === 1 && !document.has(path[0])) addField(document, path[0]!, mapFor(document, after));
  else document.setIn(path, mapFor(document, after));
}

/** Writes a top-level text fact (email, medicareStudy): added below the rest when the file did not have it. */
function writeTopText(document: Document, key: string, before: string, after: string): void {
  if (before !== after && after !== "" && !document.has(key)) return addField(document, key, scalarFor(key, after));
  writeText(document, [key], before, after);
}

/** The notices: one map of text fields with the civil-rights contact's map inside it. */
function writeNotices(document: Document, before: ClinicFactsForm["notices"], after: ClinicFactsForm["notices"]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const empty = after.privacyPractices === "" && after.languageTaglines === "" && isEmpty(after.civilRightsContact);
  if (empty) return void document.deleteIn(["notices"]);
  if (!isMap(document.get("notices"))) return addField(document, "notices", mapFor(document, after));
  writeText(document, ["notices", "privacyPractices"], before.privacyPractices, after.privacyPractices);
  writeMap(document, ["notices", "civilRightsContact"], CIVIL_RIGHTS_CONTACT_FIELDS, before.civilRightsContact, after.civilRightsContact);
  writeText(document, ["notices", "languageTaglines"], before.languageTaglines, after.languageTaglines);
}

/** Writes the call times as the file's example does, `[morning, afternoon]`. */
function writeList(document: Document, key: string, before: string[], after: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (after.length === 0) return void document.deleteIn([key]);
  if (!document.has(key)) return addField(document, key, listNode(document, after));
  document.set(key, listNode(document, after));
}

/** The trimmed values, as they would be written. */
function trimmed(form: ClinicFactsForm): ClinicFactsForm {
  const trimAll = <T extends Record<string, string>>(record: T) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.trim()])) as T;
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    address: trimAll(form.address),
    hours: form.hours.map((row) => ({ days: row.days.map((day) => day.trim()), opens: row.opens.trim(), closes: row.closes.trim() })),
    physicians: form.physicians.map(trimAll),
    email: form.email.trim(),
    notices: {
      privacyPractices: form.notices.privacyPractices.trim(),
      civilRightsContact: trimAll(form.notices.civilRightsContact),
      languageTaglines: form.notices.languageTaglines.trim(),
    },
    medicareStudy: form.medicareStudy.trim(),
    callBack: trimAll(form.callBack),
    callTimes: form.callTimes.map((time) => time.trim()),
  };
}

/**
 * `yamlText` with the form's values written in, changing only what changed; or each field's problem, as the build
 * would find it. Saving the form unchanged gives `yamlText` back as it was.
 */
export function updateClinicYaml(yamlText: string, form: ClinicFactsForm): ClinicYamlUpdate {
  const before = clinicFactsFormValues(yamlText);
  const after = trimmed(form);
  const document = parseDocument(yamlText);
  writeText(document, ["name"], before.name, after.name);
  writeText(document, ["phone"], before.phone, after.phone);

  writeMap(document, ["address"], ADDRESS_FIELDS, before.address, after.address);

  writeRows(document, "hours", before.hours, after.hours, (index, old, row) => {
    if (JSON.stringify(old.days) !== JSON.stringify(row.days)) document.setIn(["hours", index, "days"], listNode(document, row.days));
    writeText(document, ["hours", index, "opens"], old.opens, row.opens);
    writeText(document, ["hours", index, "closes"], old.closes, row.closes);
  });
  writeRows(document, "physicians", before.physicians, after.physicians, (index, old, row) => {
    for (const field of PHYSICIAN_FIELDS) writeText(document, ["physicians", index, field], old[field], row[field]);
  });
  writeTopText(document, "email", before.email, after.email);
  writeNotices(document, before.notices, after.notices);
  writeTopText(document, "medicareStudy", before.medicareStudy, after.medicareStudy);
  writeMap(document, ["callBack"], CALL_BACK_FIELDS, before.callBack, after.callBack);
  writeList(document, "callTimes", before.callTimes, after.callTimes);

  const changed = JSON.stringify(before) !== JSON.stringify(after);
  // Unchanged, the file stays byte for byte as it was, however the YAML library would have written it.
  const text = changed ? document.toString({ lineWidth: 0, flowCollectionPadding: false }) : yamlText;
  const result = clinicFactsSchema.safeParse(parseDocument(text).toJS() ?? {});
  if (result.success) return { ok: true, text, changed };
  const errors: ClinicFactsErrors = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  return { ok: false, errors };
}

export interface TextLimits {
  minLength: number;
  maxLength?: number;
}

/** The length limits of a text field in the schema, through its optional and "empty means absent" wrappers. */
function textLimits(schema: z.ZodType): TextLimits | undefined {
  if (schema instanceof z.ZodPipe) return textLimits(schema.out as z.ZodType);
  if (schema instanceof z.ZodOptional) return textLimits(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodString) return { minLength: schema.minLength ?? 0, ...(schema.maxLength === null ? {} : { maxLength: schema.maxLength }) };
  return undefined;
}

/**
 * The schema's length limits of each text field, by its name in the form ("address.city"; a list's fields without
 * the row, "physicians.credentials"), for the form to show and the browser to enforce as you type.
 */
export function clinicFactsFieldLimits(): Record<string, TextLimits> {
  const { shape } = clinicFactsSchema;
  const fields: [string, z.ZodType][] = [
    ["name", shape.name],
    ...ADDRESS_FIELDS.map((field): [string, z.ZodType] => [`address.${field}`, shape.address.unwrap().shape[field]]),
    ...PHYSICIAN_FIELDS.map((field): [string, z.ZodType] => [`physicians.${field}`, shape.physicians.unwrap().element.shape[field] as z.ZodType]),
    ...(["name", "address"] as const).map((field): [string, z.ZodType] => [
      `notices.civilRightsContact.${field}`,
      shape.notices.unwrap().shape.civilRightsContact.unwrap().shape[field] as z.ZodType,
    ]),
  ];
  return Object.fromEntries(fields.flatMap(([name, schema]) => {
    const limits = textLimits(schema);
    return limits ? [[name, limits]] : [];
  }));
}
