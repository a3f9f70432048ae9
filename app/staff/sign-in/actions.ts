"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formArgument } from "@/lib/security/server-action-post";
import { STAFF_PATH } from "@/lib/staff/paths";
import { getStaffContext, requestOrigin } from "@/lib/staff/auth";
import { safeReturnPath } from "@/lib/staff/session";
import {
  emailFromPendingSignIn,
  PENDING_SIGN_IN_COOKIE,
  pendingSignInValue,
  signInWithCode,
  signInWithPassword,
  type SignInState,
} from "@/lib/staff/sign-in";

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // Anyone may call it, with anything: a call by a script without a form reads as an empty one.
  const form = formArgument(formData);
  const context = await getStaffContext();
  const origin = await requestOrigin(context);
  const jar = await cookies();
  const text = (name: string) => String(form.get(name) ?? "");
  const state =
    form.get("step") === "code"
      ? await signInWithCode(context, emailFromPendingSignIn(context, jar.get(PENDING_SIGN_IN_COOKIE)?.value), { code: text("code") }, origin)
      : await signInWithPassword(context, { email: text("email"), password: text("password") }, origin);
  if (state.step === "code") {
    // Which account passed the password step, for the code step's lockout and audit entry (10 minutes, as
    // Better Auth's own two-factor cookie).
    jar.set(PENDING_SIGN_IN_COOKIE, pendingSignInValue(context, state.email), {
      httpOnly: true,
      sameSite: "lax",
      secure: context.env.SITE_URL.startsWith("https:"),
      path: STAFF_PATH,
      maxAge: 10 * 60,
    });
  } else {
    jar.delete({ name: PENDING_SIGN_IN_COOKIE, path: STAFF_PATH });
  }
  if (state.step === "done") redirect(safeReturnPath(form.get("next")));
  return state;
}
