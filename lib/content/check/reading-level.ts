/**
 * How hard a page is to read: its Flesch-Kincaid grade, from the words a reader sees. Settings, components'
 * fields, link addresses and table borders are left out; each paragraph, list item and table cell counts, and
 * a fragment without a full stop (a list item, a cell) counts as one sentence.
 */
import type { Node } from "mdast";
import { fleschKincaid } from "flesch-kincaid";
import { toString } from "mdast-util-to-string";
import { syllable } from "syllable";
import { visit } from "unist-util-visit";
import { contentError, contentWarning, type ContentProblem } from "../errors";
import type { ContentCheckConfig } from "./config";
import type { ParsedPage } from "./parse-mdx";
import { lineOf } from "./jsx";

export interface Sentence {
  line: number;
  words: number;
}

export interface ReadingLevel {
  file: string;
  /** The Flesch-Kincaid grade, undefined for a page with no words. */
  grade: number | undefined;
  words: number;
  sentences: Sentence[];
}

// A full stop after these does not end the sentence.
const ABBREVIATION_AT_END = /\b(?:e\.g|i\.e|et al|vs|etc|Dr|Mr|Mrs|Ms)\.$/i;

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const piece of text.split(/(?<=[.!?]["”’)\]]*)\s+/)) {
    const previous = sentences.at(-1);
    if (previous !== undefined && ABBREVIATION_AT_END.test(previous)) sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

function wordsOf(sentence: string): string[] {
  return sentence
    .split(/[\s—–/]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** The blocks of running text a reader sees. */
function proseBlocks(page: ParsedPage): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  visit(page.tree, (node: Node) => {
    if (node.type === "paragraph" || node.type === "tableCell") {
      blocks.push({ line: lineOf(node), text: toString(node, { includeImageAlt: false }) });
    }
  });
  return blocks;
}

export function measureReadingLevel(page: ParsedPage): ReadingLevel {
  return measureTextReadingLevel(page.file, proseBlocks(page));
}

/** The reading level of blocks of running text, each with the line it starts on (a data file's texts, for example). */
export function measureTextReadingLevel(file: string, blocks: readonly { line: number; text: string }[]): ReadingLevel {
  const counts = { sentence: 0, word: 0, syllable: 0 };
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    for (const sentence of splitSentences(block.text)) {
      const words = wordsOf(sentence);
      if (words.length === 0) continue;
      counts.sentence += 1;
      counts.word += words.length;
      // Numbers such as 2006 have no syllables for `syllable`; every word is spoken with at least one.
      counts.syllable += words.reduce((total, word) => total + Math.max(1, syllable(word)), 0);
      sentences.push({ line: block.line, words: words.length });
    }
  }
  const grade = counts.word === 0 ? undefined : Math.round(fleschKincaid(counts) * 10) / 10;
  return { file, grade, words: counts.word, sentences };
}

/** The longest sentences first: where shortening helps most. */
function longestSentences(level: ReadingLevel, count = 3): Sentence[] {
  return [...level.sentences].sort((a, b) => b.words - a.words || a.line - b.line).slice(0, count);
}

export function checkReadingLevel(
  level: ReadingLevel,
  { warnAbove, errorAbove }: ContentCheckConfig["readingLevel"],
  { exemptFromError }: { exemptFromError: boolean },
): ContentProblem[] {
  if (level.grade === undefined || level.grade <= warnAbove) return [];
  const severity = level.grade > errorAbove && !exemptFromError ? "error" : "warning";
  const hints = longestSentences(level)
    .map((sentence) => `line ${sentence.line} (${sentence.words} words)`)
    .join(", ");
  const message =
    `the page reads at grade ${level.grade.toFixed(1)}; aim for ${warnAbove} or below` +
    (severity === "error" ? ` (above ${errorAbove} must be fixed)` : "") +
    `: use shorter sentences and common words. Longest sentences: ${hints}`;
  return [severity === "error" ? contentError(level.file, 1, message) : contentWarning(level.file, 1, message)];
}
