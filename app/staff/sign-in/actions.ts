"use server";

import { redirect } from "next/navigation";
import { getStaffContext, requestOrigin } from "@/lib/staff/auth";
import { safeReturnPath } from "@/lib/staff/session";
import { signInWithCode, signInWithPassword, type SignInState } from "@/lib/staff/sign-in";

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const context = await getStaffContext();
  const origin = await requestOrigin(context);
  const text = (name: string) => String(formData.get(name) ?? "");
  const state =
    formData.get("step") === "code"
      ? await signInWithCode(context, { email: text("email"), code: text("code") }, origin)
      : await signInWithPassword(context, { email: text("email"), password: text("password") }, origin);
  if (state.step === "done") redirect(safeReturnPath(formData.get("next")));
  return state;
}
