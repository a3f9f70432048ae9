/**
 * The fields of a zod object schema as a form shows them: a choice or a text, how long it may be, what to write.
 * Read from the same schemas the build and the content check apply (lib/content/components.ts and
 * lib/content/frontmatter.ts), so the form can never promise a rule the check does not keep.
 */
import { z } from "zod";

export interface FormField {
  name: string;
  kind: "choice" | "text" | "number" | "yes-no";
  /** For a choice. */
  options?: readonly string[];
  /** The value an absent field takes. */
  defaultValue?: unknown;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  /** What to write, when the schema says. */
  hint?: string;
}

/** The schema inside optional(), default() and pipes, with what they say about the field. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; defaultValue?: unknown } {
  let inner: z.ZodType = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      required = false;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      required = false;
      defaultValue = inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.out as z.ZodType;
    } else return { inner, required, defaultValue };
  }
}

/** The fields of an object schema (a strictFields(…) or one with a refinement on top), in the schema's order. */
export function formFieldsOf(schema: z.ZodType): FormField[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, fieldSchema]) => {
    const { inner, required, defaultValue } = unwrap(fieldSchema);
    const field: FormField = { name, kind: "text", required, defaultValue, hint: fieldSchema.description ?? inner.description };
    if (inner instanceof z.ZodEnum) return { ...field, kind: "choice", options: inner.options.map(String) };
    if (inner instanceof z.ZodBoolean) return { ...field, kind: "yes-no" };
    if (inner instanceof z.ZodNumber) return { ...field, kind: "number", minValue: inner.minValue ?? undefined, maxValue: inner.maxValue ?? undefined };
    if (inner instanceof z.ZodString) return { ...field, minLength: inner.minLength ?? undefined, maxLength: inner.maxLength ?? undefined };
    return field;
  });
}

/** "12 of 45 characters (at least 10)": what a text field's limits mean for what is written now. */
export function describeLength(field: FormField, value: string): string | undefined {
  if (field.maxLength === undefined && field.minLength === undefined) return undefined;
  const length = value.trim().length;
  const limits = [field.minLength !== undefined && field.minLength > 1 ? `at least ${field.minLength}` : undefined, field.maxLength !== undefined ? `at most ${field.maxLength}` : undefined]
    .filter(Boolean)
    .join(", ");
  return `${length} characters (${limits})`;
}
