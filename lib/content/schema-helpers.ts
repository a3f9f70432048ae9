import { z } from "zod";

/** Text between `min` and `max` characters after trimming, with errors that say how long it is now. */
export function boundedText(min: number, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be text") })
    .trim()
    .min(min, { error: (issue) => `must be at least ${min} characters (it has ${String(issue.input).length})` })
    .max(max, { error: (issue) => `must be at most ${max} characters (it has ${String(issue.input).length})` });
}

/** Optional text: an empty value means "not published yet", the same as leaving the field out. */
export function optionalText(max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value ?? undefined),
    boundedText(1, max).optional(),
  );
}

/**
 * An object of named fields, as staff write them in YAML or as component props: a field the site does not know
 * is an error that names it (usually a misspelling).
 */
export function strictFields<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, { error: (issue) => unknownFieldsMessage(issue) });
}

/** The unknown-key message for strict objects: usually a misspelt field name. */
export function unknownFieldsMessage(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code !== "unrecognized_keys" || !issue.keys) return undefined;
  const names = issue.keys.map((key) => `\`${key}\``).join(", ");
  return `has ${issue.keys.length === 1 ? "a field" : "fields"} the site does not know: ${names} (check the spelling)`;
}
