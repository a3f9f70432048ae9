import { describe, expect, it } from "vitest";
import { newPasswordSchema, weakPasswordReason } from "@/lib/staff/password-policy";

const EMAIL = "rosa.delgado@clinic.example";

/** The first message the enrollment form would show for `password`, or undefined when it is accepted. */
function problem(password: string, confirmPassword = password): string | undefined {
  const parsed = newPasswordSchema(EMAIL).safeParse({ password, confirmPassword });
  return parsed.success ? undefined : parsed.error.issues[0]!.message;
}

describe("staff passwords (lib/staff/password-policy.ts)", () => {
  it("accepts a long passphrase of unrelated words, with no rules about character classes", () => {
    expect(problem("lantern orbit meadow")).toBeUndefined();
    expect(problem("quiet lantern orbit 47 meadow")).toBeUndefined();
    expect(weakPasswordReason("lantern orbit meadow", EMAIL)).toBeUndefined();
  });

  it("asks for at least 12 characters and at most 128", () => {
    expect(problem("lantern orb")).toBe("Use at least 12 characters.");
    expect(problem("lantern orbi")).toBeUndefined();
    expect(problem("x".repeat(5) + "lantern orbit meadow ".repeat(6) + "y".repeat(3))).toBe("Use 128 characters or fewer.");
  });

  it("refuses a password from the common list, in any case", () => {
    for (const common of ["1qaz2wsx3edc", "123qweasdzxc", "Q1W2E3R4T5Y6"]) {
      expect(problem(common)).toBe("This password is on a list of passwords that attackers try first. Choose another one: a few unrelated words work well.");
    }
  });

  it("refuses a common password with digits or symbols added at its ends", () => {
    for (const padded of ["password2024!", "Sunshine12345", "!!trustno1!!!!", "2024iloveyou!"]) {
      expect(weakPasswordReason(padded, EMAIL)).toMatch(/^This password is on a list of passwords that attackers try first/);
    }
    // A common word inside a longer passphrase is fine: it is the whole that counts.
    expect(weakPasswordReason("sunshine over the quarry", EMAIL)).toBeUndefined();
  });

  it("refuses one character or a short run repeated", () => {
    for (const repeated of ["aaaaaaaaaaaa", "abcabcabcabc", "xyzwxyzwxyzw!", "k9k9k9k9k9k9"]) {
      expect(weakPasswordReason(repeated, EMAIL)).toBe("This password repeats a few characters. Choose one that is harder to guess.");
    }
    expect(weakPasswordReason("abcdeabcdeabcde", EMAIL)).toBeUndefined();
  });

  it("refuses the person's own email name or the clinic's name", () => {
    const personal = "This password contains your email or the clinic's name. Choose one that does not.";
    expect(weakPasswordReason("my rosa.delgado pass", EMAIL)).toBe(personal);
    expect(weakPasswordReason("ROSA.DELGADO-2026", EMAIL)).toBe(personal);
    expect(weakPasswordReason("mocek spine front desk", EMAIL)).toBe(personal);
    // Too short a local part to count.
    expect(weakPasswordReason("bo lantern orbit meadow", "bo@clinic.example")).toBeUndefined();
  });

  it("asks for the same password twice, on the second box", () => {
    const parsed = newPasswordSchema(EMAIL).safeParse({ password: "lantern orbit meadow", confirmPassword: "lantern orbit meadows" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({ path: ["confirmPassword"], message: "The two passwords are not the same. Type the same password in both boxes." }),
    ]);
  });
});
