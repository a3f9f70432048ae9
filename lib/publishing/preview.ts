/**
 * The preview of a draft: the content check judges it first, as it judges the site, with the draft in place of
 * its page's file; a draft with an error is not rendered at all, and its errors say where. What is rendered is
 * rendered by the site's own function (lib/content/render-page.tsx), never a copy of it.
 */
import path from "node:path";
import { checkContent, type ContentCheckInput } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import type { ContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR, PAGE_FILE_EXTENSION, pageHrefOfFile, parseContentPage, projectRelativeFile, type ContentPage } from "@/lib/content/pages";
import { loadDraftSource } from "./adapters";

export type DraftPreview =
  | { ok: true; page: ContentPage; source: string; warnings: ContentProblem[] }
  | { ok: false; file: string; errors: ContentProblem[]; warnings: ContentProblem[] };

/** The page file a preview address names (`benefits` is content/benefits.mdx), or undefined for anything else. */
export function pageFileOfSlug(slug: string): string | undefined {
  const name = `${slug}${PAGE_FILE_EXTENSION}`;
  return pageHrefOfFile(name) === undefined ? undefined : projectRelativeFile(CONTENT_DIR, name);
}

/** Judges `source` as the page in `file`, among the rest of the site (`site`, the draft's file left out of it). */
export async function checkDraft(file: string, source: string, site: ContentCheckInput): Promise<DraftPreview> {
  const files = [...site.files.filter((other) => other.file !== file), { file, text: source }];
  const report = await checkContent({ files, publicFiles: site.publicFiles });
  // Problems in other files are not this draft's to fix, and do not stop its preview.
  const own = report.problems.filter((problem) => problem.file === file);
  const errors = own.filter((problem) => problem.severity === "error");
  const warnings = own.filter((problem) => problem.severity === "warning");
  if (errors.length > 0) return { ok: false, file, errors, warnings };
  // The check reads the settings with this same parser, so a page it passes parses.
  const page = parseContentPage(file, source);
  return Array.isArray(page) ? { ok: false, file, errors: page, warnings } : { ok: true, page, source, warnings };
}

/** The preview of the page `slug` (its file's name without `.mdx`), or undefined when there is no such page. */
export async function previewDraft(slug: string): Promise<DraftPreview | undefined> {
  const file = pageFileOfSlug(slug);
  const source = file === undefined ? undefined : await loadDraftSource(slug);
  if (file === undefined || source === undefined) return undefined;
  return checkDraft(file, source, readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public")));
}
