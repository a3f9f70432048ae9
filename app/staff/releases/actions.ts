"use server";

import { revalidatePath } from "next/cache";
import { getServerEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { short, SiteLayout } from "@/lib/releases/layout";
import { rollbackTarget } from "@/lib/releases/rollback";
import { switchTo } from "@/lib/releases/update";
import { recordAudit } from "@/lib/staff/audit";
import { auditContext } from "@/lib/staff/context";
import { STAFF_RELEASES_PATH } from "@/lib/staff/paths";
import { requireAdmin } from "@/lib/staff/session";

export interface RollbackState {
  error?: string;
  done?: string;
}

/** Admins only, checked here on the server; the same switch as `npm run site -- rollback <commit>`, audited. */
export async function rollbackAction(_previous: RollbackState, formData: FormData): Promise<RollbackState> {
  const staff = await requireAdmin({ returnTo: STAFF_RELEASES_PATH, attempt: "roll the website back" });
  const siteRoot = getServerEnv().SITE_ROOT;
  if (!siteRoot) return { error: "This server is not run by the release supervisor, so versions cannot be switched from here (see docs/deploy.md)." };
  const layout = new SiteLayout(siteRoot);
  const wanted = formData.get("commit");
  const target = rollbackTarget(layout, typeof wanted === "string" && /^[0-9a-f]{40}$/.test(wanted) ? wanted : undefined);
  if ("error" in target) return { error: `Nothing was changed: ${target.error}.` };
  await recordAudit(auditContext(staff.context), { actor: staff.user, action: "release-rollback", detail: `to ${target.commit}`, clientAddress: staff.clientAddress });
  const result = await switchTo(layout, target.commit, (line) => logEvent("info", "releases.rollback", { message: line }));
  revalidatePath(STAFF_RELEASES_PATH);
  if (result.outcome === "failed") {
    logEvent("error", "releases.rollback_failed", { stage: result.stage });
    return { error: `The website could not go back to ${short(target.commit)}; the current version keeps serving. ${result.message}` };
  }
  return { done: `The website now serves version ${short(target.commit)}. Reload a page to see it.` };
}
