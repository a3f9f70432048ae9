/**
 * What a staff password must be: long (at least 12 characters, NIST SP 800-63B's advice for a password alone is
 * 8, and this one guards patients' details), and not one that attackers try first: not in the list of about 49,000
 * passwords seen most in breaches (@zxcvbn-ts/language-common, shipped in the package, checked offline), not such a
 * password with digits or symbols added at its ends ("password2024!"), not one character or a short run repeated,
 * and not the person's own email or the clinic's name. No rules about character classes: length does the work.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth-config";

let commonPasswords: Set<string> | undefined;

function isCommon(candidate: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"] as string[]);
  return commonPasswords.has(candidate);
}

/** Why `password` is too easy to guess, in words for the person choosing it; undefined when it is fine. */
export function weakPasswordReason(password: string, email: string): string | undefined {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (isCommon(lower) || (core.length >= 4 && isCommon(core))) {
    return "This password is on a list of passwords that attackers try first. Choose another one: a few unrelated words work well.";
  }
  if (/^(.{1,4})\1+.{0,3}$/.test(lower)) return "This password repeats a few characters. Choose one that is harder to guess.";
  const localPart = email.toLowerCase().split("@")[0] ?? "";
  if ((localPart.length >= 4 && lower.includes(localPart)) || lower.includes("mocek")) {
    return "This password contains your email or the clinic's name. Choose one that does not.";
  }
  return undefined;
}

/** A new password as the enrollment form sends it: the same checks on the server as in the form's messages. */
export function newPasswordSchema(email: string) {
  return z
    .object({
      password: z
        .string()
        .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
        .max(MAX_PASSWORD_LENGTH, { error: `Use ${MAX_PASSWORD_LENGTH} characters or fewer.` })
        .superRefine((password, ctx) => {
          const reason = weakPasswordReason(password, email);
          if (reason) ctx.addIssue({ code: "custom", message: reason });
        }),
      confirmPassword: z.string(),
    })
    .refine((value) => value.password === value.confirmPassword, {
      path: ["confirmPassword"],
      error: "The two passwords are not the same. Type the same password in both boxes.",
    });
}
