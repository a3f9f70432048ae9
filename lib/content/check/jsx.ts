/** The components written in a page's syntax tree, and the fields written on them, as the build will see them. */
import type { Node, Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import { visit } from "unist-util-visit";
import { refusedFieldMessage } from "./mdx-safety.mjs";

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
  /** Fields written but refused as code (lib/content/check/mdx-safety.mjs reports them), left out of `fields`. */
  refused: Set<string>;
}

/**
 * The fields written on an element: `name="text"` is text and a bare `name` is `true`. A field the rule against
 * code refuses (`name={…}`, `on…`, an address that runs code) is left out, so its schema does not report it again.
 */
export function writtenFieldsOf(element: JsxElement): WrittenFields {
  const fields: Record<string, unknown> = {};
  const refused = new Set<string>();
  for (const attribute of element.attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute") continue;
    if (refusedFieldMessage(element.name ?? "", attribute)) refused.add(attribute.name);
    else fields[attribute.name] = attribute.value ?? true;
  }
  return { fields, refused };
}
