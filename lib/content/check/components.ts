/**
 * Components in a page must be ones staff may use (lib/content/components.ts), with the fields their schema
 * accepts, in the right place (a block on its own line, or inside a sentence) and holding what they expect.
 * Pages hold no code: no imports, no exports, no {…} expressions.
 */
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import {
  isStaffComponentName,
  parseComponentFields,
  STAFF_COMPONENT_NAMES,
  staffComponentRules,
  type StaffComponentName,
} from "../components";
import { contentError, type ContentProblem } from "../errors";
import { unknownReferenceProblem, type Reference } from "../references";
import { closestMatch } from "../suggest";
import type { ParsedPage } from "./parse-mdx";
import { columnOf, jsxElementsOf, lineOf, writtenFieldsOf, type JsxElement } from "./jsx";

const COMPONENT_LIST = `You can use: ${[...STAFF_COMPONENT_NAMES].sort().join(", ")}`;

function unknownComponentMessage(name: string): string {
  if (/^[a-z]/.test(name)) return `<${name}> is HTML, which pages do not use: write Markdown instead, or a component. ${COMPONENT_LIST}`;
  const suggestion = closestMatch(name, STAFF_COMPONENT_NAMES);
  return `<${name}> is not a component you can use${suggestion ? ` (did you mean <${suggestion}>?)` : ""}. ${COMPONENT_LIST}`;
}

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
  const problems = written.problems.map(({ line, message }) => contentError(page.file, line, message));
  const parsed = parseComponentFields(name, written.fields);
  if (parsed.ok) return problems;
  const lineOfField = (field: string | undefined) =>
    element.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === field)?.position?.start.line ??
    lineOf(element);
  return [
    ...problems,
    ...parsed.problems
      // A field written as code is reported once, as code, not again as missing.
      .filter(({ field }) => field === undefined || !written.unreadable.has(field))
      .map(({ field, message }) => contentError(page.file, lineOfField(field), message)),
  ];
}

/** `references` is undefined when content/references.yaml could not be read (that file's problems are reported on their own). */
export function checkComponents(page: ParsedPage, references: readonly Reference[] | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  visit(page.tree, (node) => {
    if (node.type === "mdxjsEsm") {
      problems.push(contentError(page.file, lineOf(node), "pages cannot import or export code: use the components listed in content/README.md"));
    } else if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
      problems.push(
        contentError(page.file, lineOf(node), `{${node.value}} is code, which pages do not use: to show a curly brace, write \\{`, columnOf(node)),
      );
    }
  });
  const elements = jsxElementsOf(page.tree);
  for (const element of elements) {
    const name = element.name ?? "";
    const report = (message: string | undefined) => {
      if (message) problems.push(contentError(page.file, lineOf(element), message, columnOf(element)));
    };
    if (!isStaffComponentName(name)) {
      report(unknownComponentMessage(name));
      continue;
    }
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
