/**
 * Words and claims the site must not use (content/banned-phrases.yaml, which staff extend): each with the advice
 * shown when it is found. Matched in the whole file, settings included (in a data file, all but its comments),
 * ignoring case, on whole words only.
 */
import path from "node:path";
import { z } from "zod";
import { contentError, type ContentProblem } from "../errors";
import { boundedText, strictFields } from "../schema-helpers";
import { parseYamlWithSchema, type YamlParseResult } from "../yaml";

export const BANNED_PHRASES_FILE = path.join("content", "banned-phrases.yaml");

export const bannedPhraseSchema = strictFields({
  /**
   * The word or words to avoid; a dash and a space count as the same ("risk-free" also finds "risk free"). A `*`
   * at the end stands for any ending of the last word ("FDA-approve*": approve, approved, approves).
   */
  phrase: boundedText(2, 60).refine((phrase) => !phrase.slice(0, -1).includes("*"), {
    error: "may have a `*` only at its very end, for any ending of the last word",
  }),
  /** What to write instead, or why not: shown to whoever wrote it. */
  advice: boundedText(5, 200),
});

export const bannedPhrasesFileSchema = z.array(bannedPhraseSchema, {
  error: "must be a list of phrases, each starting with `- phrase:`",
});

export type BannedPhrase = z.infer<typeof bannedPhraseSchema>;

export function parseBannedPhrases(yamlText: string, file = BANNED_PHRASES_FILE): YamlParseResult<BannedPhrase[]> {
  return parseYamlWithSchema(file, yamlText, bannedPhrasesFileSchema);
}

/**
 * A whole-word, case-insensitive pattern for a phrase, where dashes and spaces between its words are interchangeable
 * and a final `*` lets the last word go on.
 */
function phrasePattern(phrase: string): RegExp {
  const trimmed = phrase.trim();
  const anyEnding = trimmed.endsWith("*");
  const words = trimmed
    .replace(/\*$/, "")
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s-]+")}${anyEnding ? "\\p{L}*" : ""}(?![\\p{L}\\p{N}])`, "giu");
}

/** Link addresses are not words on the page: blank them out, keeping every column where it was. */
function withoutLinkAddresses(line: string): string {
  return line.replace(/\]\(([^)]*)\)/g, (link) => `](${" ".repeat(link.length - 3)})`);
}

export function checkBannedPhrases(file: string, text: string, bannedPhrases: readonly BannedPhrase[]): ContentProblem[] {
  return checkLines(file, text.split(/\r?\n/).map(withoutLinkAddresses), bannedPhrases);
}

/**
 * A data file's text as readers see it (content/clinic.yaml): its values, not the instructions in its comments,
 * which may well name a phrase to avoid. A whole-line comment is skipped; every other line keeps its number.
 */
export function checkBannedPhrasesInYaml(file: string, text: string, bannedPhrases: readonly BannedPhrase[]): ContentProblem[] {
  return checkLines(
    file,
    text.split(/\r?\n/).map((line) => (/^\s*#/.test(line) ? "" : line)),
    bannedPhrases,
  );
}

function checkLines(file: string, lines: readonly string[], bannedPhrases: readonly BannedPhrase[]): ContentProblem[] {
  const patterns = bannedPhrases.map((banned) => ({ banned, pattern: phrasePattern(banned.phrase) }));
  const problems: ContentProblem[] = [];
  lines.forEach((words, index) => {
    for (const { banned, pattern } of patterns) {
      for (const match of words.matchAll(pattern)) {
        problems.push(contentError(file, index + 1, `do not write "${match[0]}": ${banned.advice}`, (match.index ?? 0) + 1));
      }
    }
  });
  return problems;
}
