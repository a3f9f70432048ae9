/**
 * The preview's and the clinic's facts form's links to parts of the editor that other branches are building
 * (issue 22). Each is a STUB until that part is merged, written against the interface agreed for it; nothing else
 * knows where a draft or an ability comes from, so wiring them is a change to this file alone.
 */
import fs from "node:fs";
import path from "node:path";
import { CONTENT_DIR, PAGE_FILE_EXTENSION } from "@/lib/content/pages";
import { getServerEnv } from "@/lib/env";
import { CLINIC_FILE } from "@/lib/site";
import { requireAbility, type SignedInStaff } from "@/lib/staff/session";
import { getPublishingService } from "./service";

/**
 * The text of a page's draft, or of the page as published when nobody has started one; undefined when there is no
 * such page. `slug` is a valid page file name without `.mdx` (checked by the caller). From the publishing service
 * when the editor has a repository (CONTENT_GIT_REPOSITORY); without one there are no drafts, and the published file
 * in content/ is the page.
 */
export async function loadDraftSource(slug: string): Promise<string | undefined> {
  if (getServerEnv().CONTENT_GIT_REPOSITORY) return (await getPublishingService()).draftOrPublishedSource(`content/${slug}${PAGE_FILE_EXTENSION}`);
  const file = path.join(CONTENT_DIR, `${slug}${PAGE_FILE_EXTENSION}`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

/**
 * Who may see a draft's preview: staff who write or review pages (admins too); every other account gets 403. A
 * signed-out visitor is sent to sign-in, back to `returnTo` afterwards.
 */
export async function requirePreviewer(returnTo: string): Promise<SignedInStaff> {
  return requireAbility(["edit", "review"], { returnTo, attempt: "preview a draft" });
}

/**
 * Who may change the clinic's facts: staff who write pages (admins too); every other account gets 403. A
 * signed-out visitor is sent to sign-in.
 */
export async function requireClinicFactsEditor(returnTo: string): Promise<SignedInStaff> {
  return requireAbility("edit", { returnTo, attempt: "change the clinic's facts" });
}

/**
 * content/clinic.yaml as its draft has it, or as published when nobody has started one.
 *
 * STUB until "Merge i22-publishing": reads the published file. Then: the draft of that file from lib/publishing.
 */
export async function loadClinicFactsSource(): Promise<string> {
  return fs.readFileSync(path.join(CONTENT_DIR, path.basename(CLINIC_FILE)), "utf8");
}

export type SaveClinicFactsDraft = { saved: true } | { saved: false; reason: string };

/**
 * Saves `source` as the draft of content/clinic.yaml, in `staff`'s name; it is reviewed and published like a page.
 *
 * STUB until "Merge i22-publishing": saves nothing and says so. Then: `saveDraft({ slug: CLINIC_FILE, source,
 * baseVersion }, actor)` from lib/publishing, its conflict answer passed on as the reason.
 */
export async function saveClinicFactsDraft(source: string, staff: SignedInStaff): Promise<SaveClinicFactsDraft> {
  void source;
  void staff;
  return { saved: false, reason: "Drafts cannot be saved on this server yet: the publishing store is not installed. Nothing was changed." };
}
