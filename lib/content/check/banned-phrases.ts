/**
 * Words and claims the site must not use (content/banned-phrases.yaml, which staff extend): each with the advice
 * shown when it is found. Matched in the whole file, settings included, ignoring case, on whole words only.
 */
import path from "node:path";
import { z } from "zod";
import { contentError, type ContentProblem } from "../errors";
import { boundedText, strictFields } from "../schema-helpers";
import { parseYamlWithSchema, type YamlParseResult } from "../yaml";

export const BANNED_PHRASES_FILE = path.join("content", "banned-phrases.yaml");

export const bannedPhraseSchema = strictFields({
  /** The word or words to avoid; a dash and a space count as the same ("FDA-approved" also finds "FDA approved"). */
  phrase: boundedText(2, 60),
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

/** A whole-word, case-insensitive pattern for a phrase, where dashes and spaces between its words are interchangeable. */
function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/[\s-]+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s-]+")}(?![\\p{L}\\p{N}])`, "giu");
}

/** Link addresses are not words on the page: blank them out, keeping every column where it was. */
function withoutLinkAddresses(line: string): string {
  return line.replace(/\]\(([^)]*)\)/g, (link) => `](${" ".repeat(link.length - 3)})`);
}

export function checkBannedPhrases(file: string, text: string, bannedPhrases: readonly BannedPhrase[]): ContentProblem[] {
  const patterns = bannedPhrases.map((banned) => ({ banned, pattern: phrasePattern(banned.phrase) }));
  const problems: ContentProblem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const words = withoutLinkAddresses(line);
    for (const { banned, pattern } of patterns) {
      for (const match of words.matchAll(pattern)) {
        problems.push(contentError(file, index + 1, `do not write "${match[0]}": ${banned.advice}`, (match.index ?? 0) + 1));
      }
    }
  });
  return problems;
}
