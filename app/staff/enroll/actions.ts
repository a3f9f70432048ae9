"use server";

import { formArgument } from "@/lib/security/server-action-post";
import { getStaffContext, requestOrigin } from "@/lib/staff/auth";
import { confirmTwoFactor, restartTwoFactor, setEnrollmentPassword, type EnrollmentState } from "@/lib/staff/enrollment";
import { enrollingStaff } from "@/lib/staff/session";

export async function enrollAction(previous: EnrollmentState, formData: FormData): Promise<EnrollmentState> {
  const context = await getStaffContext();
  const origin = await requestOrigin(context);
  // Anyone with a link may call it, with anything: a call by a script without a form reads as an empty one.
  const form = formArgument(formData);
  const text = (name: string) => String(form.get(name) ?? "");
  const step = text("step");
  if (step === "password") {
    return setEnrollmentPassword(context, { token: text("token"), password: text("password"), confirmPassword: text("confirmPassword") }, origin);
  }
  // The later steps belong to the session the password step opened, and to nobody else.
  const staff = await enrollingStaff();
  if (!staff) return { step: "link-invalid" };
  if (step === "restart") return restartTwoFactor(context, text("password"), staff.user, origin);
  if (step === "two-factor" && previous.step === "two-factor") {
    return confirmTwoFactor(context, { code: text("code"), setup: previous.setup }, staff.user, origin);
  }
  return { step: "restart" };
}
