/**
 * A page's settings as a form: title, description, menu label and position, and whether it gives medical
 * information, each with its limits (from the frontmatter schema the build applies) counted as the person types.
 * The review fields (`reviewedBy`, `reviewed`) and `updated` are not here: an approval and publishing set them.
 */
import { useId } from "react";
import { pageFrontmatterSchema } from "@/lib/content/frontmatter";
import { describeLength, formFieldsOf, type FormField } from "./schema-fields";
import type { EditorProblem } from "./types";

/** The settings staff set themselves, in the order the form shows them, with the words each is labelled with. */
const SETTING_LABELS: Record<string, { label: string; hint: string }> = {
  title: { label: "Title", hint: "The page's heading, and the start of its title in search results." },
  description: { label: "Description", hint: "One or two sentences that search results and link previews show." },
  navLabel: { label: "Menu label", hint: "The short name in the menu." },
  navOrder: { label: "Menu position", hint: "1 is first." },
  navArea: { label: "Menu", hint: "main: the top menu; footer: only the footer (policies)." },
  medical: { label: "Gives medical information", hint: "Medical pages need a physician's approval before they are published." },
  headline: { label: "Big heading (optional)", hint: "When the heading should differ from the title." },
  intro: { label: "Opening words (optional)", hint: "A sentence or two shown large under the heading." },
};

const FIELDS: FormField[] = formFieldsOf(pageFrontmatterSchema).filter((field) => Object.hasOwn(SETTING_LABELS, field.name));

/** The schema's verdict on one value as typed, in the schema's own words. */
function problemWith(field: FormField, value: unknown): string | undefined {
  if (value === undefined && !field.required) return undefined;
  const schema = pageFrontmatterSchema.shape[field.name as keyof typeof pageFrontmatterSchema.shape];
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

const INPUT_CLASSES = "mt-1 block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base";

export function PageSettingsForm({
  settings,
  onChange,
  problems,
}: {
  settings: Record<string, unknown>;
  onChange: (name: string, value: unknown) => void;
  /** The content check's problems in the settings (each message starts with the field's name in backticks). */
  problems: readonly EditorProblem[];
}) {
  const idPrefix = useId();
  return (
    <fieldset className="grid min-w-0 gap-4 rounded-lg border-2 border-brand-200 p-4">
      <legend className="px-1 text-xl font-bold text-brand-900">Page settings</legend>
      {FIELDS.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const { label, hint } = SETTING_LABELS[field.name]!;
        const value = settings[field.name];
        const checkProblem = problems.find((problem) => problem.message.startsWith(`\`${field.name}\``))?.message;
        const problem = problemWith(field, value) ?? checkProblem;
        const length = field.kind === "text" ? describeLength(field, String(value ?? "")) : undefined;
        const describedBy = `${id}-hint ${id}-rule`;
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block text-lg font-semibold">
              {label}
            </label>
            <p id={`${id}-hint`} className="text-ink-muted">
              {hint}
            </p>
            {field.kind === "yes-no" ? (
              <input
                id={id}
                type="checkbox"
                className="mt-2 size-6"
                checked={value !== false}
                onChange={(event) => onChange(field.name, event.target.checked)}
                aria-describedby={describedBy}
              />
            ) : field.kind === "choice" ? (
              <select id={id} className={INPUT_CLASSES} value={String(value ?? field.defaultValue ?? "")} onChange={(event) => onChange(field.name, event.target.value)} aria-describedby={describedBy}>
                {field.options?.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : field.kind === "number" ? (
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={field.minValue}
                max={field.maxValue}
                className={`${INPUT_CLASSES} sm:max-w-32`}
                value={typeof value === "number" ? value : ""}
                onChange={(event) => onChange(field.name, event.target.value === "" ? undefined : Number(event.target.value))}
                aria-invalid={problem ? true : undefined}
                aria-describedby={describedBy}
              />
            ) : field.name === "description" || field.name === "intro" ? (
              <textarea
                id={id}
                rows={3}
                className={INPUT_CLASSES}
                value={String(value ?? "")}
                onChange={(event) => onChange(field.name, event.target.value || (field.required ? "" : undefined))}
                aria-invalid={problem ? true : undefined}
                aria-describedby={describedBy}
              />
            ) : (
              <input
                id={id}
                className={INPUT_CLASSES}
                value={String(value ?? "")}
                onChange={(event) => onChange(field.name, event.target.value || (field.required ? "" : undefined))}
                aria-invalid={problem ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
            <p id={`${id}-rule`} aria-live="polite" className={problem ? "mt-1 font-semibold text-emergency" : "mt-1 text-ink-muted"}>
              {problem ? `${label}: ${problem.replace(/^`\w+` /, "")}` : (length ?? "")}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
