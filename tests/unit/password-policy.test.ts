import { describe, expect, it, vi } from "vitest";
import { newPasswordSchema, weakPasswordReason } from "@/lib/staff/password-policy";

const EMAIL = "rosa.delgado@clinic.example";

/** The first message the enrollment form would show for `password`, or undefined when it is accepted. */
async function problem(password: string, confirmPassword = password): Promise<string | undefined> {
  const parsed = await newPasswordSchema(EMAIL).safeParseAsync({ password, confirmPassword });
  return parsed.success ? undefined : parsed.error.issues[0]!.message;
}

const ON_A_LIST = "This password is on a list of passwords that attackers try first. Choose another one: a few unrelated words work well.";
const ADVICE = "Choose another password: a few unrelated words work well.";

describe("staff passwords (lib/staff/password-policy.ts)", () => {
  it("accepts a long passphrase of unrelated words, with no rules about character classes", async () => {
    expect(await problem("lantern orbit meadow")).toBeUndefined();
    expect(await problem("quiet lantern orbit 47 meadow")).toBeUndefined();
    expect(await weakPasswordReason("lantern orbit meadow", EMAIL)).toBeUndefined();
  });

  it("asks for at least 12 characters and at most 128", async () => {
    expect(await problem("lantern orb")).toBe("Use at least 12 characters.");
    expect(await problem("mint quarry9")).toBeUndefined();
    expect(await problem("x".repeat(5) + "lantern orbit meadow ".repeat(6) + "y".repeat(3))).toBe("Use 128 characters or fewer.");
  });

  it("refuses what a security test got through: a keyboard row, a short phrase twice, a famous passphrase", async () => {
    expect(await problem("qwertyuiopas")).toBe(`This is similar to a commonly used password. ${ADVICE}`);
    expect(await problem("letmeinletmein")).toBe(`Repeated character patterns like "abcabcabc" are easy to guess. ${ADVICE}`);
    // Four common words make many guesses by the estimate, but this one is in every attacker's list.
    for (const famous of ["correcthorsebatterystaple", "Correct Horse Battery Staple!", "Tr0ub4dor&3!!"]) expect(await problem(famous)).toBe(ON_A_LIST);
  });

  it("refuses a password that would be easy to guess by the estimate, even with no pattern to name", async () => {
    // Two common words: about 10^8 guesses, hours for a copy of the database.
    expect(await problem("pencil river")).toBe(`This password would be easy to guess. ${ADVICE}`);
    expect(await problem("orbit lantern")).toBe(`This password would be easy to guess. ${ADVICE}`);
  });

  it("refuses a password from the common list, in any case", async () => {
    for (const common of ["1qaz2wsx3edc", "123qweasdzxc", "Q1W2E3R4T5Y6"]) expect(await problem(common)).toBe(ON_A_LIST);
  });

  it("refuses a common password with digits or symbols added at its ends", async () => {
    for (const padded of ["password2024!", "Sunshine12345", "!!trustno1!!!!", "2024iloveyou!"]) expect(await weakPasswordReason(padded, EMAIL)).toBe(ON_A_LIST);
    // A common word inside a longer passphrase is fine: it is the whole that counts.
    expect(await weakPasswordReason("sunshine over the quarry", EMAIL)).toBeUndefined();
  });

  it("refuses one character or a run of a few repeated, in the estimate's plain words", async () => {
    expect(await weakPasswordReason("aaaaaaaaaaaa", EMAIL)).toBe(`Repeated characters like "aaa" are easy to guess. ${ADVICE}`);
    for (const repeated of ["abcabcabcabc", "xyzwxyzwxyzw!", "k9k9k9k9k9k9", "abcdeabcdeabcde"]) {
      expect(await weakPasswordReason(repeated, EMAIL)).toBe(`Repeated character patterns like "abcabcabc" are easy to guess. ${ADVICE}`);
    }
  });

  it("refuses the person's own email name or the clinic's name", async () => {
    const personal = "This password contains your email or the clinic's name. Choose one that does not.";
    expect(await weakPasswordReason("my rosa.delgado pass", EMAIL)).toBe(personal);
    expect(await weakPasswordReason("ROSA.DELGADO-2026", EMAIL)).toBe(personal);
    expect(await weakPasswordReason("mocek spine front desk", EMAIL)).toBe(personal);
    // Too short a local part to count.
    expect(await weakPasswordReason("bo lantern orbit meadow", "bo@clinic.example")).toBeUndefined();
  });

  it("asks for the same password twice, on the second box", async () => {
    const parsed = await newPasswordSchema(EMAIL).safeParseAsync({ password: "lantern orbit meadow", confirmPassword: "lantern orbit meadows" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({ path: ["confirmPassword"], message: "The two passwords are not the same. Type the same password in both boxes." }),
    ]);
  });

  it("loads the dictionaries when a password is first checked, not when the module is imported", async () => {
    vi.resetModules();
    const loaded = vi.fn();
    vi.doMock("@zxcvbn-ts/language-en", async (importOriginal) => {
      loaded();
      return importOriginal();
    });
    try {
      const policy = await import("@/lib/staff/password-policy");
      expect(loaded).not.toHaveBeenCalled();
      expect(await policy.weakPasswordReason("lantern orbit meadow", EMAIL)).toBeUndefined();
      expect(await policy.weakPasswordReason("quiet lantern orbit 47 meadow", EMAIL)).toBeUndefined();
      expect(loaded).toHaveBeenCalledTimes(1);
    } finally {
      vi.doUnmock("@zxcvbn-ts/language-en");
    }
  });
});
