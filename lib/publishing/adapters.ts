/**
 * What the preview and the clinic's facts form ask of the publishing service (./service.ts) and of the staff
 * session: the draft's text, the save, and who may do either. The screens speak only to this file, so they show a
 * sentence (not a crash) on a server where publishing is not set up.
 */
import { CLINIC_FILE } from "@/lib/site";
import { requireStaff, type SignedInStaff } from "@/lib/staff/session";
import type { DraftCheck } from "./check";
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
 * The signed-in staff member as the publishing service's rules see them.
 *
 * STUB until "Merge i22-access": every signed-in account may edit. Then `requireAbility`'s answer is the actor.
 */
function actorOf(staff: SignedInStaff): PublishingActor {
  return { userId: staff.user.id, name: staff.user.name, email: staff.user.email, abilities: ["edit"], clientAddress: staff.clientAddress };
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

/**
 * Who may change the clinic's facts: staff who write pages (admins too). A signed-out visitor is sent to sign-in.
 *
 * STUB until "Merge i22-access": any signed-in staff member. Then: `requireAbility("edit")`.
 */
export async function requireClinicFactsEditor(returnTo: string): Promise<SignedInStaff> {
  return requireStaff({ returnTo });
}

/** A file as the editor has it: its open draft's latest saved text, else the branch's; `version` null without a draft. */
export type DraftText = { source: string; version: number | null; check: () => Promise<DraftCheck> };

/** The page's or the clinic's file (`content/…`) as the editor has it; undefined when there is no such file. */
export async function loadDraftText(service: PublishingService, path: string, staff: SignedInStaff): Promise<DraftText | undefined> {
  return service.readDraft(path, actorOf(staff));
}

export type SaveClinicFactsDraft = { saved: true; version: number } | { saved: false; reason: string };

/**
 * Saves `source` as the draft of content/clinic.yaml, in `staff`'s name; it is reviewed and published like a page.
 * `baseVersion`: the draft's version the form showed, null when it showed the published file. Someone else's save
 * since then is a conflict: nothing is saved, and the reason says who.
 */
export async function saveClinicFactsDraft(
  service: PublishingService,
  { source, baseVersion }: { source: string; baseVersion: number | null },
  staff: SignedInStaff,
): Promise<SaveClinicFactsDraft> {
  const actor = actorOf(staff);
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
