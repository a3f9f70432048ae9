"use server";

import { redirect } from "next/navigation";
import type { PageActionState } from "@/components/staff/pages/PageActionForm";
import { getPublishingService, PublishingRefusal } from "@/lib/publishing/service";
import { pageEditorPath, STAFF_PAGES_PATH } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";

/** "New page": a draft at the address typed, then its editor. */
export async function startNewPageAction(_previous: PageActionState, formData: FormData): Promise<PageActionState> {
  const staff = await requireAbility("edit", { returnTo: STAFF_PAGES_PATH, attempt: "start a new page" });
  const slug = String(formData.get("slug") ?? "").trim().replace(/^\//, "");
  try {
    await (await getPublishingService()).startNewPage(slug, staff);
  } catch (error) {
    if (error instanceof PublishingRefusal) return { error: error.message };
    throw error;
  }
  redirect(pageEditorPath(slug));
}
