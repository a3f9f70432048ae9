"use server";

import { redirect } from "next/navigation";
import { formArgument } from "@/lib/security/server-action-post";
import { changeRequestStatus, statusChangeSchema } from "@/lib/staff/inbox";
import { staffRequestPath, STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { requireStaff } from "@/lib/staff/session";

export interface StatusFormState {
  error?: string;
  /** What was typed, shown again with the error: a note is never lost. */
  values?: { status?: string; note?: string };
}

export async function changeStatusAction(_previous: StatusFormState, formData: FormData): Promise<StatusFormState> {
  // Read before the session is checked, so a call by a script without a form must not throw.
  const form = formArgument(formData);
  const reference = String(form.get("reference") ?? "");
  const staff = await requireStaff({ returnTo: staffRequestPath(reference) });
  const values = { status: String(form.get("status") ?? ""), note: String(form.get("note") ?? "") };
  const parsed = statusChangeSchema.safeParse({ reference, ...values });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", values };
  if (!(await changeRequestStatus(staff, parsed.data))) redirect(`${STAFF_REQUESTS_PATH}?gone=1`);
  redirect(`${staffRequestPath(reference)}?saved=1`);
}
