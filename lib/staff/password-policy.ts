/**
 * What a staff password must be: long (at least 12 characters, NIST SP 800-63B's advice for a password alone is
 * 8, and this one guards patients' details), not one that attackers try first, and hard to guess by the estimate
 * of zxcvbn (@zxcvbn-ts/core with its common and English dictionaries: words, names, keyboard rows, repeats,
 * sequences, dates). Not one of the ~49,000 passwords seen most in breaches (@zxcvbn-ts/language-common, checked
 * offline), nor such a password with digits or symbols added at its ends ("password2024!"), nor one published as
 * an example, nor the person's own email or the clinic's name. No rules about character classes: length does the work.
 *
 * The server checks it (the enrollment action); the form shows what the server says. The dictionaries (a few MB)
 * are loaded on the first check, not when the server starts, and never sent to a browser.
 */
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth-config";

/**
 * The least number of guesses, by zxcvbn's estimate, a password must need (its score 4; 3 is from 10^8). Online
 * guessing is capped by the lockout (5 tries per 15 minutes: 10^8 guesses would take millennia), so this is about
 * a copy of the database: Better Auth stores passwords with scrypt (N=2^14, r=16), and a graphics card still tries
 * thousands a second, so 10^8 falls within hours and 10^10 takes weeks per card. Three unrelated words clear it.
 */
const MIN_GUESSES = 1e10;

/**
 * Passwords published as examples of good ones, which every attacker's list has since: xkcd 936's passphrase
 * scores well with zxcvbn (its four words are common, but four of them make many guesses), and its other example.
 * Compared without spaces, case or punctuation.
 */
const PUBLISHED_EXAMPLES = ["correcthorsebatterystaple", "tr0ub4dor3"];

const MESSAGES = {
  common: "This password is on a list of passwords that attackers try first. Choose another one: a few unrelated words work well.",
  personal: "This password contains your email or the clinic's name. Choose one that does not.",
  guessable: "This password would be easy to guess.",
  advice: "Choose another password: a few unrelated words work well.",
} as const;

interface Estimator {
  isCommon(candidate: string): boolean;
  /** zxcvbn's estimate of the guesses `password` needs, and its warning in plain English (empty when it has none). */
  estimate(password: string): Promise<{ guesses: number; warning: string }>;
}

let estimator: Promise<Estimator> | undefined;

function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const commonPasswords = new Set(common.dictionary["passwords-common"] as string[]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      maxLength: MAX_PASSWORD_LENGTH,
    });
    return {
      isCommon: (candidate) => commonPasswords.has(candidate),
      estimate: async (password) => {
        const result = await zxcvbn.checkAsync(password);
        return { guesses: result.guesses, warning: result.feedback.warning ?? "" };
      },
    };
  })();
  return estimator;
}

/** Why `password` is too easy to guess, in words for the person choosing it; undefined when it is fine. */
export async function weakPasswordReason(password: string, email: string): Promise<string | undefined> {
  const { isCommon, estimate } = await loadEstimator();
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const lettersAndDigits = lower.replace(/[^a-z0-9]/g, "");
  if (isCommon(lower) || (core.length >= 4 && isCommon(core)) || PUBLISHED_EXAMPLES.includes(lettersAndDigits)) return MESSAGES.common;
  const localPart = email.toLowerCase().split("@")[0] ?? "";
  if ((localPart.length >= 4 && lower.includes(localPart)) || lower.includes("mocek")) return MESSAGES.personal;
  const { guesses, warning } = await estimate(password);
  if (guesses < MIN_GUESSES) return `${warning || MESSAGES.guessable} ${MESSAGES.advice}`;
  return undefined;
}

/**
 * A new password as the enrollment form sends it: the same checks on the server as in the form's messages. The
 * strength check is asynchronous (it loads the dictionaries once): parse with `safeParseAsync`.
 */
export function newPasswordSchema(email: string) {
  return z
    .object({
      password: z
        .string()
        .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
        .max(MAX_PASSWORD_LENGTH, { error: `Use ${MAX_PASSWORD_LENGTH} characters or fewer.` })
        .superRefine(async (password, ctx) => {
          const reason = await weakPasswordReason(password, email);
          if (reason) ctx.addIssue({ code: "custom", message: reason });
        }),
      confirmPassword: z.string(),
    })
    .refine((value) => value.password === value.confirmPassword, {
      path: ["confirmPassword"],
      error: "The two passwords are not the same. Type the same password in both boxes.",
    });
}
