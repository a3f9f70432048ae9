/**
 * Components in a page must be ones staff may use (lib/content/components.ts), with the fields their schema
 * accepts, in the right place (a block on its own line, or inside a sentence) and holding what they expect.
 * Pages hold no code: no imports, no exports, no {…} expressions, no HTML, no address that runs code (the rule is
 * mdx-safety.mjs, which the build applies too).
 */
import { toString } from "mdast-util-to-string";
import { isStaffComponentName, parseComponentFields, STAFF_COMPONENT_NAMES, staffComponentRules, type StaffComponentName } from "../components";
import { contentError, type ContentProblem } from "../errors";
import { unknownReferenceProblem, type Reference } from "../references";
import type { ParsedPage } from "./parse-mdx";
import { columnOf, jsxElementsOf, lineOf, writtenFieldsOf, type JsxElement } from "./jsx";
import { findUnsafeMdx } from "./mdx-safety.mjs";

function placementProblem(element: JsxElement, name: StaffComponentName): string | undefined {
  const { placement } = staffComponentRules[name];
  if (placement === "block" && element.type === "mdxJsxTextElement") {
    return `<${name}> must be on a line of its own, with a blank line before and after it`;
  }
  if (placement === "inline" && element.type === "mdxJsxFlowElement") {
    return `<${name}> goes inside a sentence, right after the words it supports, not on a line of its own`;
  }
  return undefined;
}

function contentProblem(element: JsxElement, name: StaffComponentName): string | undefined {
  const meaningfulChildren = element.children.filter((child) => !(child.type === "text" && !child.value.trim()));
  switch (staffComponentRules[name].content) {
    case "none":
      return meaningfulChildren.length > 0 ? `<${name}> holds nothing between tags: write it as <${name} />` : undefined;
    case "words":
      return toString(element).trim() ? undefined : `<${name}> needs words between <${name}> and </${name}>`;
    case "numbered-list": {
      const onlyANumberedList =
        meaningfulChildren.length > 0 && meaningfulChildren.every((child) => child.type === "list" && child.ordered === true);
      return onlyANumberedList
        ? undefined
        : `<${name}> must hold a numbered list (lines starting 1. 2. 3.), with a blank line after <${name}> and before </${name}>`;
    }
    case "bullet-list": {
      const onlyABulletList =
        meaningfulChildren.length > 0 && meaningfulChildren.every((child) => child.type === "list" && child.ordered !== true);
      return onlyABulletList
        ? undefined
        : `<${name}> must hold a bullet list (lines starting with -), with a blank line after <${name}> and before </${name}>`;
    }
    case "figures": {
      const figures = meaningfulChildren.filter((child) => child.type === "mdxJsxFlowElement" && child.name === "Figure");
      return figures.length === meaningfulChildren.length && figures.length >= 2 && figures.length <= 3
        ? undefined
        : `<${name}> must hold two or three <Figure /> pictures and nothing else, each on a line of its own`;
    }
  }
}

function fieldProblems(page: ParsedPage, element: JsxElement, name: StaffComponentName): ContentProblem[] {
  const written = writtenFieldsOf(element);
  const parsed = parseComponentFields(name, written.fields);
  if (parsed.ok) return [];
  const lineOfField = (field: string | undefined) =>
    element.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === field)?.position?.start.line ??
    lineOf(element);
  return (
    parsed.problems
      // A field refused as code is reported once, as code, not again as missing.
      .filter(({ field }) => field === undefined || !written.refused.has(field))
      .map(({ field, message }) => contentError(page.file, lineOfField(field), message))
  );
}

/** `references` is undefined when content/references.yaml could not be read (that file's problems are reported on their own). */
export function checkComponents(page: ParsedPage, references: readonly Reference[] | undefined): ContentProblem[] {
  const problems = findUnsafeMdx(page.tree, { components: STAFF_COMPONENT_NAMES }).map(({ line, column, message }) =>
    contentError(page.file, line, message, column),
  );
  const elements = jsxElementsOf(page.tree);
  for (const element of elements) {
    const name = element.name ?? "";
    const report = (message: string | undefined) => {
      if (message) problems.push(contentError(page.file, lineOf(element), message, columnOf(element)));
    };
    // An element staff may not use is reported above, as code or HTML.
    if (!isStaffComponentName(name)) continue;
    report(placementProblem(element, name));
    report(contentProblem(element, name));
    problems.push(...fieldProblems(page, element, name));
    const citedId = name === "Cite" ? writtenFieldsOf(element).fields.id : undefined;
    if (typeof citedId === "string" && references) report(unknownReferenceProblem(citedId, references));
  }
  const firstCite = elements.find((element) => element.name === "Cite");
  if (firstCite && !elements.some((element) => element.name === "References")) {
    problems.push(
      contentError(page.file, lineOf(firstCite), '<Cite> links to the list of sources: put <References /> at the end of the page, under a "## Sources" heading'),
    );
  }
  return problems;
}
