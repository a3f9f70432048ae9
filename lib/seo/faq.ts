/**
 * The questions and answers of a question page (content/faq.mdx, and any other page content/content-check.yaml
 * lists under `questionPages`), read from the same file that renders it, so the FAQPage search engines see can
 * never drift from the questions patients see. Each `## ` heading is a question; the blocks below it, up to the
 * next `## `, are its answer.
 */
import fs from "node:fs";
import path from "node:path";
import { createProcessor } from "@mdx-js/mdx";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { getContentCheckConfig } from "@/lib/content/check/config";
import type { StaffComponentName } from "@/lib/content/components";
import { contentError, ContentError, type ContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";
import { PAGE_REMARK_PLUGINS } from "@/lib/content/remark-plugins";
import { medicareStudyAnswer } from "@/lib/medicare-study";
import { readOnceInProduction } from "@/lib/read-once";

/** Whether a content page is a page of questions and answers (`questionPages` in content/content-check.yaml). */
export function isQuestionPage(slug: string): boolean {
  return getContentCheckConfig().questionPages.includes(slug);
}

export interface FaqEntry {
  /** The heading as readers see it, e.g. "How long does the procedure take?". */
  question: string;
  /** The answer as plain text: links keep their words and lose their addresses; one line a paragraph. */
  answerText: string;
}

// The parser the site renders MDX with, with the same remark plugins (lib/content/remark-plugins.ts), so that a
// heading here is exactly a heading on the page.
const faqParser = createProcessor({ remarkPlugins: PAGE_REMARK_PLUGINS });

/** Nodes that hold one block of words; everything around them (lists, callouts, quotes, tables) is opened up. */
const TEXT_BLOCKS = new Set<Nodes["type"]>(["paragraph", "heading", "tableCell", "code"]);

/** The words a self-closing component shows, for the components that answer in words of their own. */
export type ComponentWords = Readonly<Partial<Record<StaffComponentName, string>>>;

/** The words of those components as the built site shows them, from the same function the component renders. */
function componentWordsOnPages(): ComponentWords {
  return { MedicareStudyAnswer: medicareStudyAnswer() };
}

/**
 * The readable text of a node, one entry a block. Frontmatter, imports and self-closing components have none,
 * except the components in `componentWords`, whose words are part of the answer.
 */
function textBlocksOf(node: Nodes, componentWords: ComponentWords): string[] {
  if (node.type === "mdxJsxFlowElement" && node.name && Object.hasOwn(componentWords, node.name)) {
    return [componentWords[node.name as StaffComponentName]!];
  }
  if (TEXT_BLOCKS.has(node.type)) {
    const text = toString(node).replace(/\s+/g, " ").trim();
    return text ? [text] : [];
  }
  return "children" in node ? node.children.flatMap((child) => textBlocksOf(child as Nodes, componentWords)) : [];
}

/**
 * Parses an FAQ file; throws a ContentError naming the line of a heading that is not a question or has no answer.
 * `componentWords` are what the components in it that answer in words say (the built site's, for getFaqEntries).
 */
export function extractFaqEntries(source: string, file: string, componentWords: ComponentWords = {}): FaqEntry[] {
  const tree = faqParser.parse(source);
  const entries: FaqEntry[] = [];
  const problems: ContentProblem[] = [];
  let current: { question: string; line: number; answerBlocks: string[] } | undefined;

  const finishCurrent = () => {
    if (!current) return;
    if (current.answerBlocks.length === 0) {
      problems.push(contentError(file, current.line, `the question "${current.question}" needs an answer below it`));
    } else {
      entries.push({ question: current.question, answerText: current.answerBlocks.join("\n") });
    }
    current = undefined;
  };

  for (const node of tree.children) {
    if (node.type === "heading" && node.depth <= 2) {
      finishCurrent();
      if (node.depth === 1) continue;
      const question = toString(node).replace(/\s+/g, " ").trim();
      const line = node.position?.start.line ?? 1;
      if (!question.endsWith("?")) {
        problems.push(
          contentError(
            file,
            line,
            `every \`##\` heading on this page is listed as a question for search engines, ` +
              `so it must end with "?" (it is "${question}")`,
          ),
        );
      }
      current = { question, line, answerBlocks: [] };
      continue;
    }
    current?.answerBlocks.push(...textBlocksOf(node, componentWords));
  }
  finishCurrent();

  if (problems.length > 0) throw new ContentError(problems);
  return entries;
}

const faqEntriesBySlug = new Map<string, () => FaqEntry[]>();

/** The questions on a question page, e.g. `getFaqEntries("faq")` for content/faq.mdx. */
export function getFaqEntries(slug: string): FaqEntry[] {
  let read = faqEntriesBySlug.get(slug);
  if (!read) {
    read = readOnceInProduction(() => {
      const file = path.join(CONTENT_DIR, `${slug}.mdx`);
      return extractFaqEntries(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file), componentWordsOnPages());
    });
    faqEntriesBySlug.set(slug, read);
  }
  return read();
}
