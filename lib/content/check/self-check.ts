/**
 * content/self-check.yaml, the words of the self-check: checked like a page, since readers see every text in
 * it (see ./words-file.ts).
 */
import type { ContentProblem } from "../errors";
import { parseSelfCheckTexts, SELF_CHECK_FILE, SELF_CHECK_FILE_MISSING } from "../../self-check/texts";
import type { BannedPhrase } from "./banned-phrases";
import type { ContentCheckConfig } from "./config";
import type { ContentFile } from "./index";
import type { ReadingLevel } from "./reading-level";
import { checkWordsFile } from "./words-file";

export function checkSelfCheckFile(
  selfCheckFile: ContentFile | undefined,
  pageFiles: readonly ContentFile[],
  settings: { bannedPhrases: readonly BannedPhrase[]; config: ContentCheckConfig },
): { problems: ContentProblem[]; readingLevel?: ReadingLevel } {
  return checkWordsFile(
    selfCheckFile,
    pageFiles,
    {
      file: SELF_CHECK_FILE,
      parse: parseSelfCheckTexts,
      placedBy: /<SelfCheck\b/,
      missing: SELF_CHECK_FILE_MISSING,
      // The ids name questions for the site's rules; readers never see them.
      unreadFields: ["id"],
    },
    settings,
  );
}
