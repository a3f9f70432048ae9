/** The components written in a page's syntax tree, and the fields written on them, as the build will see them. */
import type { Node, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import { visit } from "unist-util-visit";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export function lineOf(node: Node): number {
  return node.position?.start.line ?? 1;
}

export function columnOf(node: Node): number | undefined {
  return node.position?.start.column;
}

/** Every component or HTML tag written in the page, in order. */
export function jsxElementsOf(tree: Root): JsxElement[] {
  const elements: JsxElement[] = [];
  visit(tree, (node) => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") elements.push(node);
  });
  return elements;
}

export interface WrittenFields {
  fields: Record<string, unknown>;
  /** Fields that are written but hold code the check cannot read (reported in `problems`). */
  unreadable: Set<string>;
  /** Fields written in a way the content check cannot read, with a message for each. */
  problems: { line: number; message: string }[];
}

/**
 * The fields written on an element: `name="text"` is text, a bare `name` is `true`, and `name={…}` is read
 * when it holds a plain value (a number, `true`, a quoted text). Anything else is code, which staff pages do not need.
 */
export function writtenFieldsOf(element: JsxElement): WrittenFields {
  const fields: Record<string, unknown> = {};
  const problems: WrittenFields["problems"] = [];
  const unreadable = new Set<string>();
  for (const attribute of element.attributes) {
    const line = attribute.position?.start.line ?? lineOf(element);
    if (attribute.type === "mdxJsxExpressionAttribute") {
      problems.push({ line, message: `<${element.name}> has {${attribute.value}}: write each field as name="value"` });
      continue;
    }
    const { name, value } = attribute;
    if (value === null || value === undefined) fields[name] = true;
    else if (typeof value === "string") fields[name] = value;
    else {
      try {
        fields[name] = JSON.parse(value.value);
      } catch {
        unreadable.add(name);
        problems.push({ line, message: `<${element.name}> \`${name}\` must be written in quotes, like ${name}="…"` });
      }
    }
  }
  return { fields, unreadable, problems };
}
