/**
 * Headings give a page its outline, which screen-reader users move through. The layout shows the page's
 * title as the one top-level heading (h1), so a page body starts at `##` and never skips a level.
 * On question pages (the FAQ) every `##` heading is a question and there are no smaller headings: search
 * engines are given each question with the paragraphs below it as its answer.
 */
import type { Heading } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { contentError, type ContentProblem } from "../errors";
import type { ParsedPage } from "./parse-mdx";
import { lineOf } from "./jsx";

const hashes = (depth: number) => "#".repeat(depth);

export function checkHeadings(page: ParsedPage, { isQuestionPage }: { isQuestionPage: boolean }): ContentProblem[] {
  const headings: Heading[] = [];
  visit(page.tree, "heading", (heading) => {
    headings.push(heading);
  });
  const problems: ContentProblem[] = [];
  const report = (heading: Heading, message: string) => problems.push(contentError(page.file, lineOf(heading), message));
  headings.forEach((heading, index) => {
    const previous = headings[index - 1];
    const text = toString(heading);
    if (heading.depth === 1) {
      report(heading, `"# ${text}" is a second main heading: the page title is already the main heading, so start with "## "`);
    } else if (!previous && heading.depth > 2) {
      report(heading, `the first heading must start with "## " (this one starts with "${hashes(heading.depth)} ")`);
    } else if (previous && heading.depth > previous.depth + 1) {
      report(
        heading,
        `"${hashes(heading.depth)} ${text}" skips a level: after a "${hashes(previous.depth)} " heading use "${hashes(previous.depth + 1)} "`,
      );
    }
    if (isQuestionPage && heading.depth === 2 && !text.trim().endsWith("?")) {
      report(heading, `on this questions page every "## " heading must be a question ending with "?" ("${text}")`);
    }
    if (isQuestionPage && heading.depth > 2) {
      report(heading, `on this questions page use only "## " headings, one per question ("${text}"): write the answer as paragraphs or a list`);
    }
  });
  return problems;
}
