/**
 * The content check of one draft: `npm run content:check`'s own function (lib/content/check), run on the site's
 * content as the branch has it with this one file replaced by the draft, so links, titles and menu positions are
 * judged against the other pages. No rule of its own: it only picks out what concerns the draft.
 */
import { checkContent, type ContentCheckInput, type ContentCheckReport, type ContentFile, type PageReadingLevel } from "@/lib/content/check";
import type { ContentProblem } from "@/lib/content/errors";

export interface DraftCheck {
  /**
   * The draft's problems, each with its line (and column when the check knows it), severity and message; then the
   * problems the draft causes in other files (a title now shared with another page is reported on the later file).
   */
  problems: ContentProblem[];
  errors: number;
  warnings: number;
  /** The page's reading level (Flesch-Kincaid grade, words, sentences); undefined for a file that is not a page. */
  readingLevel: PageReadingLevel | undefined;
}

/** The site's content at one commit, and the check of it as it is (made only when needed, then kept). */
export interface SiteContent {
  input: ContentCheckInput;
  /** The check of the content as committed: problems already there are not the draft's. */
  baseline(): Promise<ContentCheckReport>;
}

export function siteContent(input: ContentCheckInput): SiteContent {
  let baseline: Promise<ContentCheckReport> | undefined;
  return { input, baseline: () => (baseline ??= checkContent(input)) };
}

const sameProblem = (a: ContentProblem, b: ContentProblem) => a.file === b.file && a.line === b.line && a.message === b.message;

/**
 * Checks `source` as the file `path` among the site's other content. `pendingPictures`: addresses of pictures
 * uploaded with the draft (`/images/…`), published in the same commit, so the page may already show them.
 */
export async function checkDraft(site: SiteContent, path: string, source: string, pendingPictures: readonly string[] = []): Promise<DraftCheck> {
  // In its place among the others, as `npm run content:check` reads the folder: problems between two pages are
  // reported on the later one, and the draft must be judged in the same order.
  const draft: ContentFile = { file: path, text: source };
  const others = site.input.files.filter((file) => file.file !== path);
  const files = [...others, draft].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const publicFiles = pendingPictures.length > 0 ? new Set([...site.input.publicFiles, ...pendingPictures]) : site.input.publicFiles;
  const report = await checkContent({ files, publicFiles });
  const own = report.problems.filter((problem) => problem.file === path);
  const elsewhere = report.problems.filter((problem) => problem.file !== path);
  const baseline = elsewhere.length > 0 ? (await site.baseline()).problems : [];
  const caused = elsewhere.filter((problem) => !baseline.some((before) => sameProblem(before, problem)));
  const problems = [...own, ...caused];
  return {
    problems,
    errors: problems.filter((problem) => problem.severity === "error").length,
    warnings: problems.filter((problem) => problem.severity === "warning").length,
    readingLevel: report.readingLevels.find((level) => level.file === path),
  };
}
