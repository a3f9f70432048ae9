/**
 * The preview's two links to parts of the editor that other branches are building (issue 22). Each is a STUB until
 * that part is merged, written against the interface agreed for it; nothing else in the preview knows where a
 * draft or an ability comes from, so wiring them is a change to this file alone.
 */
import fs from "node:fs";
import path from "node:path";
import { CONTENT_DIR, PAGE_FILE_EXTENSION } from "@/lib/content/pages";
import { requireStaff, type SignedInStaff } from "@/lib/staff/session";

/**
 * The text of a page's draft, or of the page as published when nobody has started one; undefined when there is no
 * such page. `slug` is a valid page file name without `.mdx` (checked by the caller).
 *
 * STUB until "Merge i22-publishing": reads the published file in content/. Then: the draft's latest saved source
 * from lib/publishing (`openDraft(slug, …)`'s source without starting a draft), else the page at
 * CONTENT_GIT_BRANCH's head.
 */
export async function loadDraftSource(slug: string): Promise<string | undefined> {
  const file = path.join(CONTENT_DIR, `${slug}${PAGE_FILE_EXTENSION}`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

/**
 * Who may see a draft's preview: staff who write or review pages. A signed-out visitor is sent to sign-in, back to
 * `returnTo` afterwards.
 *
 * STUB until "Merge i22-access": any signed-in staff member. Then: `requireAbility` for `edit` or `review`
 * (lib/staff/session.ts), every other account refused with 403.
 */
export async function requirePreviewer(returnTo: string): Promise<SignedInStaff> {
  return requireStaff({ returnTo });
}
