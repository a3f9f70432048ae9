// @vitest-environment node
/**
 * Signing in under attack, below the browser, on SQLite and PostgreSQL: guesses sent all at once, at the password
 * step and at the code step, from one address and from many; a code seen at enrollment; and how long the session
 * enrollment opens lasts. Better Auth on the store's own database, as the site runs it, without Next.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { addUser } from "@/lib/staff/accounts";
import type { StaffContext } from "@/lib/staff/context";
import { lockoutKeys, MAX_FAILURES } from "@/lib/staff/lockout";
import { signInWithCode, signInWithPassword, SIGN_IN_MESSAGES } from "@/lib/staff/sign-in";
import { enrollThroughLink, TEST_STAFF_PASSWORD, TestBrowser, testStaffContext } from "@/tests/support/staff";
import { openTestPostgresStore, openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** How many guesses an attacker sends at once: far more than the lockout allows. */
const AT_ONCE = 20;

async function enrolledPerson(context: StaffContext, browser: TestBrowser, email: string) {
  const { enrollmentLink } = await addUser(context, { email, name: email.split("@")[0]!, role: "staff" }, { commandLine: true });
  return enrollThroughLink(context, browser, enrollmentLink);
}

/** A code that is not the one the app shows now (nor, with `offset`, any other of the same batch). */
function wrongCode(rightCode: string, offset: number): string {
  return String((Number(rightCode) + 1 + offset) % 1_000_000).padStart(6, "0");
}

/** Sign-ins that passed the password step one after another, each in a browser of its own, waiting for a code. */
async function openCodeSteps(context: StaffContext, browser: TestBrowser, email: string, addresses: string[]) {
  const waiting = [];
  for (const address of addresses) {
    expect(await signInWithPassword(context, { email, password: TEST_STAFF_PASSWORD }, browser.from(address))).toEqual({ step: "code", email });
    // The two-factor cookie of this sign-in, as that browser holds it.
    waiting.push(browser.from(address));
  }
  return waiting;
}

const failedSignIns = async (context: StaffContext) => (await context.store.listAudit({ limit: 500 })).filter((entry) => entry.action === "sign-in-failed");

describe.each([
  ["SQLite", () => openTestSqliteStore(cleanups)],
  ["PostgreSQL", async () => (await openTestPostgresStore(cleanups, "staff_sign_in")).store],
  // Each test hashes dozens of passwords (scrypt, slow on purpose): room for a loaded machine.
])("signing in on %s", { timeout: 60_000 }, (_name, openStore) => {
  it("checks at most five passwords sent at once, from one address or from many, and then refuses the right one", async () => {
    const browser = new TestBrowser();
    const context = testStaffContext(await openStore(), { browser });
    await enrolledPerson(context, browser, "lee@clinic.example");
    await enrolledPerson(context, browser, "max@clinic.example");
    const passwordChecks = vi.spyOn(context.auth.api, "signInEmail");

    // One address, one account.
    const guesser = "192.0.2.66";
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) => signInWithPassword(context, { email: "lee@clinic.example", password: `wrong ${index}` }, browser.from(guesser))),
    );
    expect(passwordChecks).toHaveBeenCalledTimes(MAX_FAILURES);
    expect(answers.filter((answer) => answer.step === "password" && answer.error === SIGN_IN_MESSAGES.wrong)).toHaveLength(MAX_FAILURES);
    expect(answers.filter((answer) => answer.step === "password" && answer.error === SIGN_IN_MESSAGES.locked)).toHaveLength(AT_ONCE - MAX_FAILURES);
    expect(await signInWithPassword(context, { email: "lee@clinic.example", password: TEST_STAFF_PASSWORD }, browser.from(guesser))).toMatchObject({
      error: SIGN_IN_MESSAGES.locked,
    });

    // Many addresses, one account: the account's own count stops them.
    passwordChecks.mockClear();
    await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) =>
        signInWithPassword(context, { email: "max@clinic.example", password: `wrong ${index}` }, browser.from(`203.0.113.${index + 1}`)),
      ),
    );
    expect(passwordChecks).toHaveBeenCalledTimes(MAX_FAILURES);
    expect(await signInWithPassword(context, { email: "max@clinic.example", password: TEST_STAFF_PASSWORD }, browser.from("198.51.100.99"))).toMatchObject({
      error: SIGN_IN_MESSAGES.locked,
    });
    expect(passwordChecks).toHaveBeenCalledTimes(MAX_FAILURES);
    expect(await failedSignIns(context)).toHaveLength(2 * MAX_FAILURES);
  });

  it("checks at most five codes sent at once on sign-ins waiting for one, and then refuses the right code", async () => {
    const browser = new TestBrowser();
    const context = testStaffContext(await openStore(), { browser });
    const lee = await enrolledPerson(context, browser, "lee@clinic.example");
    const max = await enrolledPerson(context, browser, "max@clinic.example");
    const codeChecks = vi.spyOn(context.auth.api, "verifyTOTP");

    for (const [person, addressOf] of [
      [lee, () => "192.0.2.66"],
      [max, (index: number) => `203.0.113.${index + 1}`],
    ] as const) {
      // The password is known: one sign-in per guess, each waiting for its code, then every code at once.
      const waiting = await openCodeSteps(context, browser, person.email, Array.from({ length: AT_ONCE + 1 }, (_, index) => addressOf(index)));
      codeChecks.mockClear();
      const rightCode = person.app.generate();
      const answers = await Promise.all(
        waiting.slice(0, AT_ONCE).map((origin, index) => signInWithCode(context, person.email, { code: wrongCode(rightCode, index) }, origin)),
      );
      expect(codeChecks).toHaveBeenCalledTimes(MAX_FAILURES);
      expect(answers.filter((answer) => answer.step === "done")).toHaveLength(0);
      expect(answers.filter((answer) => "error" in answer && answer.error === SIGN_IN_MESSAGES.locked).length).toBeGreaterThanOrEqual(AT_ONCE - MAX_FAILURES);

      // The right code, on the last sign-in still waiting: refused while the account is locked.
      expect(await signInWithCode(context, person.email, { code: person.app.generate() }, waiting[AT_ONCE]!)).toEqual({
        step: "password",
        email: person.email,
        error: SIGN_IN_MESSAGES.locked,
      });
      expect(codeChecks).toHaveBeenCalledTimes(MAX_FAILURES);
    }
    expect(await failedSignIns(context)).toHaveLength(2 * MAX_FAILURES);
  });

  it("counts nothing against a front desk whose people sign in rightly, one after another", async () => {
    const browser = new TestBrowser();
    const context = testStaffContext(await openStore(), { browser });
    const desk = "198.51.100.20";
    const people = [];
    for (const email of ["ana@clinic.example", "ben@clinic.example"]) people.push(await enrolledPerson(context, browser, email));
    // More right passwords from one address than the lockout allows failures…
    for (let round = 0; round <= MAX_FAILURES; round += 1) {
      for (const person of people) await openCodeSteps(context, browser, person.email, [desk]);
    }
    // …and a complete sign-in (with a recovery code: the app's code now is the one enrollment used).
    const [ana] = people;
    const [origin] = await openCodeSteps(context, browser, ana!.email, [desk]);
    expect(await signInWithCode(context, ana!.email, { code: ana!.setup.backupCodes[0]! }, origin!)).toEqual({ step: "done" });

    const keys = lockoutKeys(context, ana!.email, desk);
    expect(await context.store.countSignInFailures(keys.address, 0)).toBe(0);
    expect(await context.store.countSignInFailures(keys.account, 0)).toBe(0);
    expect(await failedSignIns(context)).toHaveLength(0);
  });

  it("refuses the code that turned two-factor on at enrollment when it is typed again to sign in", async () => {
    const browser = new TestBrowser();
    const context = testStaffContext(await openStore(), { browser });
    const person = await enrolledPerson(context, browser, "nia@clinic.example");
    // Someone who watched the enrollment and knows the password, within the code's 90 seconds.
    const [onlooker] = await openCodeSteps(context, browser, person.email, ["192.0.2.80"]);
    expect(await signInWithCode(context, person.email, { code: person.enrollmentCode }, onlooker!)).toEqual({
      step: "password",
      email: person.email,
      error: SIGN_IN_MESSAGES.codeUsed,
    });
    expect(await failedSignIns(context)).toEqual([expect.objectContaining({ detail: "code step (a code already used)" })]);
  });

  it("ends the session enrollment opens with the browser, as a sign-in's does: its cookie has no Max-Age or Expires", async () => {
    const browser = new TestBrowser();
    const context = testStaffContext(await openStore(), { browser });
    const person = await enrolledPerson(context, browser, "oli@clinic.example");
    const sessionCookies = browser.received.filter((cookie) => cookie.name.endsWith("mocek-staff.session_token") && cookie.value !== "");
    // One from the password step, one from the code step that turned two-factor on.
    expect(sessionCookies.length).toBeGreaterThanOrEqual(2);
    for (const cookie of sessionCookies) {
      expect(cookie["max-age"]).toBeUndefined();
      expect(cookie.expires).toBeUndefined();
    }
    // And that browser is signed in with two-factor on.
    const session = await context.auth.api.getSession({ headers: browser.from("198.51.100.7").headers });
    expect(session?.user).toMatchObject({ id: person.userId, twoFactorEnabled: true });
  });
});
