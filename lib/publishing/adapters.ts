/**
 * What the preview and the clinic's facts form ask of the publishing service (./service.ts) and of the staff
 * session: the draft's text, the save, and who may do either. The screens speak only to this file, so they show a
 * sentence (not a crash) on a server where publishing is not set up.
 */
import { CLINIC_FILE } from "@/lib/site";
import { requireAbility, type SignedInStaff } from "@/lib/staff/session";
import type { PublishingActor } from "./rules";
import { getPublishingService, PublishingRefusal, type PublishingService } from "./service";

/** The service, or why this server has none (CONTENT_GIT_REPOSITORY not set), in words for the staff member. */
export type Publishing = { service: PublishingService } | { unavailable: string };

export async function publishing(): Promise<Publishing> {
  try {
    return { service: await getPublishingService() };
  } catch (error) {
    if (error instanceof PublishingRefusal) return { unavailable: error.message };
    throw error;
  }
}

/**
 * Who may see a draft's preview: staff who write or review pages (admins too); every other account gets 403. A
 * signed-out visitor is sent to sign-in, back to `returnTo` afterwards.
 */
export async function requirePreviewer(returnTo: string): Promise<SignedInStaff & PublishingActor> {
  return requireAbility(["edit", "review"], { returnTo, attempt: "preview a draft" });
}

/**
 * Who may change the clinic's facts: staff who write pages (admins too); every other account gets 403. A
 * signed-out visitor is sent to sign-in.
 */
export async function requireClinicFactsEditor(returnTo: string): Promise<SignedInStaff & PublishingActor> {
  return requireAbility("edit", { returnTo, attempt: "change the clinic's facts" });
}

export type SaveClinicFactsDraft = { saved: true; version: number } | { saved: false; reason: string };

/**
 * Saves `source` as the draft of content/clinic.yaml, in `actor`'s name; it is reviewed and published like a page.
 * `baseVersion`: the draft's version the form showed, null when it showed the published file. Someone else's save
 * since then is a conflict: nothing is saved, and the reason says who.
 */
export async function saveClinicFactsDraft(
  service: PublishingService,
  { source, baseVersion }: { source: string; baseVersion: number | null },
  actor: PublishingActor,
): Promise<SaveClinicFactsDraft> {
  let version = baseVersion;
  if (version === null) {
    // The form showed the published file: a draft someone started meanwhile counts only if nobody changed it yet.
    const { draft } = await service.openDraft(CLINIC_FILE, actor);
    if (draft.source !== draft.baseSource) {
      return { saved: false, reason: `${draft.savedBy.name} saved a draft of the clinic's facts at ${draft.savedAt}; your changes were not saved and are kept here, so nothing is lost. Reload the page to see theirs.` };
    }
    version = draft.version;
  }
  const result = await service.saveDraft({ path: CLINIC_FILE, source, baseVersion: version }, actor);
  return result.status === "saved" ? { saved: true, version: result.version } : { saved: false, reason: `${result.message} Reload the page to see theirs.` };
}
