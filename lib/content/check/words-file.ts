/**
 * A YAML file of words readers see on a page through a component (the self-check's questions, the Medicare
 * answer): checked like a page. Its fields are validated with the schema the build uses; banned phrases and the
 * reading level apply too. A page that places the component without its file is told which file is missing.
 */
import { contentError, type ContentProblem } from "../errors";
import { yamlTextValues, type YamlParseResult } from "../yaml";
import { checkBannedPhrases, type BannedPhrase } from "./banned-phrases";
import type { ContentCheckConfig } from "./config";
import type { ContentFile } from "./index";
import { checkReadingLevel, measureTextReadingLevel, type ReadingLevel } from "./reading-level";

export interface WordsFileRules {
  /** Where the site reads it, e.g. content/self-check.yaml. */
  file: string;
  parse: (yamlText: string, file: string) => YamlParseResult<unknown>;
  /** Whether a page's text places the component that shows these words. */
  placedBy: RegExp;
  /** What to say when a page places the component and the file is missing. */
  missing: string;
  /** Fields that name things for the site's rules, which readers never see. */
  unreadFields?: readonly string[];
}

export function checkWordsFile(
  wordsFile: ContentFile | undefined,
  pageFiles: readonly ContentFile[],
  { file: expectedFile, parse, placedBy, missing, unreadFields = [] }: WordsFileRules,
  { bannedPhrases, config }: { bannedPhrases: readonly BannedPhrase[]; config: ContentCheckConfig },
): { problems: ContentProblem[]; readingLevel?: ReadingLevel } {
  if (!wordsFile) {
    const placed = pageFiles.some((page) => placedBy.test(page.text));
    return { problems: placed ? [contentError(expectedFile, 1, missing)] : [] };
  }
  const { file, text } = wordsFile;
  const parsed = parse(text, file);
  const readingLevel = measureTextReadingLevel(file, yamlTextValues(text, unreadFields));
  return {
    problems: [
      ...(parsed.ok ? [] : parsed.problems),
      ...checkBannedPhrases(file, text, bannedPhrases),
      ...checkReadingLevel(readingLevel, config.readingLevel, { exemptFromError: false }),
    ],
    readingLevel,
  };
}
