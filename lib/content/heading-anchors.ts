/**
 * Each `##` heading of a page gets an id made from its words ("FDA clearance" → `fda-clearance`), so a link can
 * point at a section (`/evidence#fda-clearance`), and `<QuestionList />` becomes the list of the page's `##`
 * headings as links to them. Both are made from the headings when the page is rendered, so a question staff add,
 * reword or remove is in the list the next time the page is built, without anyone typing it twice.
 */
import type { Heading, List, Root } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

/** The component that becomes the list of questions (lib/content/components.ts). */
export const QUESTION_LIST_COMPONENT = "QuestionList";

/** A heading's words as an id: lower case, letters and digits, words joined by dashes. */
export function headingAnchor(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}

/** The remark plugin: ids on `##` headings (the second of two alike gets `-2`), and the list of questions filled in. */
export function remarkHeadingAnchors() {
  return (tree: Root) => {
    const used = new Map<string, number>();
    const sections: { id: string; words: string }[] = [];
    visit(tree, "heading", (heading: Heading) => {
      if (heading.depth !== 2) return;
      const words = toString(heading);
      const base = headingAnchor(words);
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      const id = seen === 1 ? base : `${base}-${seen}`;
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
      sections.push({ id, words });
    });
    visit(tree, "mdxJsxFlowElement", (node: MdxJsxFlowElement) => {
      if (node.name !== QUESTION_LIST_COMPONENT) return;
      const list: List = {
        type: "list",
        ordered: false,
        spread: false,
        children: sections.map(({ id, words }) => ({
          type: "listItem",
          spread: false,
          children: [{ type: "paragraph", children: [{ type: "link", url: `#${id}`, children: [{ type: "text", value: words }] }] }],
        })),
      };
      node.children = [list];
    });
  };
}
