/**
 * content/self-check.yaml, the words of the self-check: checked like a page, since readers see every text in
 * it. Its fields are validated with the schema the build uses; banned phrases and the reading level apply too.
 */
import { contentError, type ContentProblem } from "../errors";
import { yamlTextValues } from "../yaml";
import { parseSelfCheckTexts, SELF_CHECK_FILE, SELF_CHECK_FILE_MISSING } from "../../self-check/texts";
import { checkBannedPhrases, type BannedPhrase } from "./banned-phrases";
import type { ContentCheckConfig } from "./config";
import type { ContentFile } from "./index";
import { checkReadingLevel, measureTextReadingLevel, type ReadingLevel } from "./reading-level";

/** Whether a page places the self-check, which then needs its file. */
const PLACES_SELF_CHECK = /<SelfCheck\b/;

export function checkSelfCheckFile(
  selfCheckFile: ContentFile | undefined,
  pageFiles: readonly ContentFile[],
  { bannedPhrases, config }: { bannedPhrases: readonly BannedPhrase[]; config: ContentCheckConfig },
): { problems: ContentProblem[]; readingLevel?: ReadingLevel } {
  if (!selfCheckFile) {
    const placed = pageFiles.some((page) => PLACES_SELF_CHECK.test(page.text));
    return { problems: placed ? [contentError(SELF_CHECK_FILE, 1, SELF_CHECK_FILE_MISSING)] : [] };
  }
  const { file, text } = selfCheckFile;
  const parsed = parseSelfCheckTexts(text, file);
  // The ids name questions for the site's rules; readers never see them.
  const readingLevel = measureTextReadingLevel(file, yamlTextValues(text, ["id"]));
  return {
    problems: [
      ...(parsed.ok ? [] : parsed.problems),
      ...checkBannedPhrases(file, text, bannedPhrases),
      ...checkReadingLevel(readingLevel, config.readingLevel, { exemptFromError: false }),
    ],
    readingLevel,
  };
}
