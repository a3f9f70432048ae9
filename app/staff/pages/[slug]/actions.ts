"use server";
/**
 * The editor's actions on one page. Each checks the person's ability first, on the server (the buttons are not
 * the guard), then hands the work to the publishing service, which checks again and writes the audit log.
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { readSaveDraftForm, type EditorSaveResult } from "@/components/staff/editor/types";
import type { PageActionState } from "@/components/staff/pages/PageActionForm";
import { getPublishingService, PublishingRefusal } from "@/lib/publishing/service";
import { pageEditorPath } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The page a form is about, from its hidden `slug` field (not a bound argument: the site's guard on server action
 * posts accepts a form's own fields only). Only lowercase words and dashes: an address, never a path.
 */
function slugOf(formData: FormData): string {
  const slug = text(formData, "slug");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw new PublishingRefusal("This form names no page: reload the page and try again.");
  return slug;
}

/** content/<slug>.mdx, for a slug the route was given; the service refuses anything that is not a page. */
const pagePathOf = (slug: string) => `content/${slug}.mdx`;

async function answerRefusals(run: () => Promise<PageActionState>): Promise<PageActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishingRefusal) return { error: error.message };
    throw error;
  }
}

export async function saveDraftAction(form: FormData): Promise<EditorSaveResult> {
  const staff = await requireAbility("edit", { attempt: "save a draft of a page" });
  const service = await getPublishingService();
  const result = await service.saveDraft(readSaveDraftForm(form), staff);
  if (result.status === "conflict") return { status: "conflict", current: result.current, message: result.message };
  return { status: "saved", version: result.version, source: result.source, check: result.check };
}

export async function markEditingAction(form: FormData): Promise<{ otherEditor?: { name: string } }> {
  const staff = await requireAbility("edit", { attempt: "open a page in the editor" });
  const { otherEditor } = await (await getPublishingService()).markEditing(text(form, "path"), staff);
  return otherEditor ? { otherEditor: { name: otherEditor.name } } : {};
}

export async function requestReviewAction(_previous: PageActionState, formData: FormData): Promise<PageActionState> {
  const slug = slugOf(formData);
  const staff = await requireAbility("edit", { returnTo: pageEditorPath(slug), attempt: "ask for a review of a page" });
  return answerRefusals(async () => {
    await (await getPublishingService()).requestReview({ path: pagePathOf(slug), version: Number(text(formData, "version")) }, staff);
    revalidatePath(pageEditorPath(slug));
    return { done: "Review asked for: a clinical reviewer sees it in the list of pages." };
  });
}

export async function publishAction(_previous: PageActionState, formData: FormData): Promise<PageActionState> {
  const slug = slugOf(formData);
  const staff = await requireAbility("edit", { returnTo: pageEditorPath(slug), attempt: "publish a page" });
  const outcome = await answerRefusals(async () => {
    const result = await (await getPublishingService()).publishDraft({ path: pagePathOf(slug), version: Number(text(formData, "version")), summary: text(formData, "summary") }, staff);
    if (result.status === "published" || result.status === "unchanged") return { done: result.commit };
    return { error: result.message };
  });
  if (outcome.done) redirect(`${pageEditorPath(slug)}?published=${encodeURIComponent(outcome.done)}`);
  return outcome;
}

export async function decideReviewAction(_previous: PageActionState, formData: FormData): Promise<PageActionState> {
  const slug = slugOf(formData);
  const staff = await requireAbility("review", { returnTo: pageEditorPath(slug, "review"), attempt: "approve or send back a page" });
  const decision = text(formData, "decision") === "approve" ? "approve" : "send_back";
  return answerRefusals(async () => {
    await (await getPublishingService()).decideReview({ path: pagePathOf(slug), version: Number(text(formData, "version")), decision, note: text(formData, "note") }, staff);
    revalidatePath(pageEditorPath(slug, "review"));
    return { done: decision === "approve" ? "Approved: the editor can publish it now." : "Sent back to its author with your note." };
  });
}

export async function restoreVersionAction(_previous: PageActionState, formData: FormData): Promise<PageActionState> {
  const slug = slugOf(formData);
  const staff = await requireAbility("edit", { returnTo: pageEditorPath(slug, "history"), attempt: "restore an old version of a page" });
  const outcome = await answerRefusals(async () => {
    await (await getPublishingService()).restoreVersion(pagePathOf(slug), text(formData, "commit"), staff);
    return { done: "restored" };
  });
  if (outcome.done) redirect(pageEditorPath(slug));
  return outcome;
}
