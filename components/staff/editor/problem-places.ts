/**
 * Where a problem from the content check is in what the person sees. The check speaks of lines and columns of
 * the page's text; the rich-text editor shows words without their Markdown. So a problem is placed by the words
 * at its line and column, searched for in the editor's text.
 */
import type { EditorProblem } from "./types";

/** A line's words as they read, without Markdown: links by their words, no emphasis marks or escapes. */
function readable(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/[*_`]/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words a problem is about: from its column when the check gives one, else the start of its line. */
export function wordsOfProblem(problem: Pick<EditorProblem, "line" | "column">, sourceLines: readonly string[]): string | undefined {
  const line = sourceLines[problem.line - 1];
  if (line === undefined) return undefined;
  const fromColumn = problem.column === undefined ? line.replace(/^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|>\s?|\|)*/, "") : line.slice(problem.column - 1);
  const words = readable(fromColumn).split(" ").filter(Boolean);
  const snippet = words.slice(0, problem.column === undefined ? 6 : 3).join(" ");
  return snippet.length >= 3 ? snippet : undefined;
}

/** The DOM range holding `words` in `root`'s text, or undefined when they are not there (any more). */
export function rangeOfWords(root: Node, words: string): Range | undefined {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    text += (node as Text).data;
  }
  const flat = text.replace(/\s/g, " ");
  let start = flat.indexOf(words);
  if (start < 0) start = flat.toLowerCase().indexOf(words.toLowerCase());
  if (start < 0) return undefined;
  const end = start + words.length;
  const range = document.createRange();
  let offset = 0;
  for (const node of nodes) {
    const next = offset + node.data.length;
    if (start >= offset && start <= next) range.setStart(node, start - offset);
    if (end >= offset && end <= next) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset = next;
  }
  return undefined;
}
