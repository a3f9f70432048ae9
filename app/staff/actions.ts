"use server";

import { redirect } from "next/navigation";
import { requestOrigin } from "@/lib/staff/auth";
import { requireStaff, signInPath } from "@/lib/staff/session";
import { signOut } from "@/lib/staff/sign-in";

export async function signOutAction(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  await signOut(staff.context, await requestOrigin(staff.context), staff.user, { everywhere: formData.get("everywhere") === "yes" });
  redirect(signInPath({ reason: "signed-out" }));
}
