/**
 * The preview of a draft: the content check judges it first, as every save is judged (./check.ts, against the
 * branch's content), and a draft with an error is not rendered at all, its errors saying where. What is rendered is
 * rendered by the site's own function (lib/content/render-page.tsx), never a copy of it.
 */
import type { ContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR, PAGE_FILE_EXTENSION, pageHrefOfFile, parseContentPage, projectRelativeFile, type ContentPage } from "@/lib/content/pages";
import { pageDraftPicturePath } from "@/lib/staff/paths";
import { publishing } from "./adapters";
import type { PublishingActor } from "./rules";

export type DraftPreview =
  /** `pictureAddresses`: each picture uploaded with the draft (`/images/…`) and the staff-only address serving it. */
  | { ok: true; page: ContentPage; source: string; warnings: ContentProblem[]; pictureAddresses: ReadonlyMap<string, string> }
  | { ok: false; file: string; errors: ContentProblem[]; warnings: ContentProblem[] }
  /** This server cannot read drafts (CONTENT_GIT_REPOSITORY not set): what to set, for the staff member. */
  | { ok: false; unavailable: string };

/** The page file a preview address names (`benefits` is content/benefits.mdx), or undefined for anything else. */
export function pageFileOfSlug(slug: string): string | undefined {
  const name = `${slug}${PAGE_FILE_EXTENSION}`;
  // A file directly in the content folder, never a path out of it (`../clinic`).
  if (/[/\\]/.test(slug) || pageHrefOfFile(name) === undefined) return undefined;
  return projectRelativeFile(CONTENT_DIR, name);
}

/**
 * The preview of the page `slug` (its file's name without `.mdx`): its draft's latest saved text, else the page at
 * the branch's head; undefined when there is no such page.
 */
export async function previewDraft(slug: string, staff: PublishingActor): Promise<DraftPreview | undefined> {
  const file = pageFileOfSlug(slug);
  if (file === undefined) return undefined;
  const found = await publishing();
  if ("unavailable" in found) return { ok: false, unavailable: found.unavailable };
  const draft = await found.service.readDraft(file, staff);
  if (!draft) return undefined;
  const { problems } = await draft.check();
  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems.filter((problem) => problem.severity === "warning");
  if (errors.length > 0) return { ok: false, file, errors, warnings };
  // The check reads the settings with this same parser, so a page it passes parses.
  const page = parseContentPage(file, draft.source);
  if (Array.isArray(page)) return { ok: false, file, errors: page, warnings };
  // Not in public/ until published: the preview shows them from where the server keeps them with the draft.
  const pictureAddresses = new Map(draft.pictures.map((src) => [src, pageDraftPicturePath(slug, src.slice(src.lastIndexOf("/") + 1))]));
  return { ok: true, page, source: draft.source, warnings, pictureAddresses };
}
