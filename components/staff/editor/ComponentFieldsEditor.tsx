/**
 * How a site component (`<Callout>`, `<Figure>`, `<Cite>` …) looks inside the editor: a small box with its name,
 * what it is, a form for its fields with each field's rule, and its words (when it holds any) as rich text.
 * The rules are the component's own zod schema, the one the content check and the build apply.
 */
import { NestedLexicalEditor, useLexicalNodeRemove, useMdastNodeUpdater, type JsxEditorProps } from "@mdxeditor/editor";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { useId } from "react";
import { isStaffComponentName, parseComponentFields, staffComponentRules } from "@/lib/content/components";
import { formFieldsOf } from "./schema-fields";
import { useEditorChoices } from "./editor-choices";

type ComponentNode = MdxJsxFlowElement | MdxJsxTextElement;

/** The fields as written on the node; only literal text values (the check refuses anything else). */
function writtenFields(node: ComponentNode): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string") fields[attribute.name] = attribute.value;
  }
  return fields;
}

function withField(node: ComponentNode, name: string, value: string): MdxJsxAttribute[] {
  const others = node.attributes.filter((attribute) => !(attribute.type === "mdxJsxAttribute" && attribute.name === name)) as MdxJsxAttribute[];
  const kept = node.attributes.some((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === name);
  const attribute: MdxJsxAttribute = { type: "mdxJsxAttribute", name, value };
  // A field keeps its place, so the saved line changes only where the value did.
  if (!kept) return [...others, attribute];
  return node.attributes.map((existing) => (existing.type === "mdxJsxAttribute" && existing.name === name ? attribute : existing)) as MdxJsxAttribute[];
}

export function ComponentFieldsEditor({ mdastNode }: JsxEditorProps) {
  const node = mdastNode as ComponentNode;
  const update = useMdastNodeUpdater<ComponentNode>();
  const remove = useLexicalNodeRemove();
  const idPrefix = useId();
  const { references } = useEditorChoices();
  const name = node.name ?? "";
  if (!isStaffComponentName(name)) return <span className="staff-editor-unknown">&lt;{name}&gt; is not one of the site&apos;s components</span>;
  const rule = staffComponentRules[name];
  const written = writtenFields(node);
  const checked = parseComponentFields(name, written);
  const problemOf = (field: string) => (checked.ok ? undefined : checked.problems.find((problem) => problem.field === field)?.message);
  const fields = formFieldsOf(rule.fields);
  const inline = rule.placement === "inline";

  return (
    <span className={inline ? "staff-component staff-component-inline" : "staff-component"} data-component={name} role="group" aria-label={`${name}: ${rule.summary}`}>
      <span className="staff-component-head">
        <strong>{name}</strong>
        {!inline && <span className="staff-component-summary">{rule.summary}</span>}
        <button type="button" className="staff-component-remove" onClick={remove} aria-label={`Remove this ${name}`}>
          Remove
        </button>
      </span>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const problem = problemOf(field.name);
        const value = written[field.name] ?? "";
        const change = (next: string) => update({ attributes: withField(node, field.name, next) });
        const choices = name === "Cite" && field.name === "id" ? references.map((reference) => ({ value: reference.id, label: reference.label })) : field.options?.map((option) => ({ value: option, label: option }));
        return (
          <span className="staff-component-field" key={field.name}>
            <label htmlFor={id}>{field.name}</label>
            {choices ? (
              <select id={id} value={value || String(field.defaultValue ?? "")} onChange={(event) => change(event.target.value)} aria-invalid={problem ? true : undefined}>
                {!field.defaultValue && <option value="">Choose…</option>}
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} value={value} onChange={(event) => change(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={`${id}-rule`} />
            )}
            <span id={`${id}-rule`} className={problem ? "staff-field-problem" : "staff-field-hint"}>
              {problem ?? field.hint ?? (field.required ? "required" : "")}
            </span>
          </span>
        );
      })}
      {rule.content !== "none" && (
        <span className="staff-component-content">
          <NestedLexicalEditor<ComponentNode>
            block={!inline}
            getContent={(element) => element.children as never}
            getUpdatedMdastNode={(element, children) => ({ ...element, children }) as ComponentNode}
          />
        </span>
      )}
    </span>
  );
}
