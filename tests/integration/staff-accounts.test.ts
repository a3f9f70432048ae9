// @vitest-environment node
/**
 * Staff accounts from start to end, below the browser, on SQLite and PostgreSQL: an account is added, enrolls with
 * a password and an authenticator (codes computed here with otpauth), is disabled, enabled and reset, and is locked
 * after five failed sign-ins. Better Auth on the store's own database, as the site runs it, without Next.
 */
import { sql } from "kysely";
import { parseSetCookieHeader } from "better-auth/cookies";
import * as OTPAuth from "otpauth";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppointmentStore } from "@/lib/appointments/store";
import { addUser, disableUser, enableUser, listUsers, resetUser, StaffAccountError } from "@/lib/staff/accounts";
import { AUDIT_ACTIONS } from "@/lib/staff/audit";
import type { StaffContext } from "@/lib/staff/context";
import { confirmTwoFactor, enrollmentUser, setEnrollmentPassword, type TwoFactorSetup } from "@/lib/staff/enrollment";
import { signInWithCode, signInWithPassword, SIGN_IN_MESSAGES, UNKNOWN_ACCOUNT, type RequestOrigin } from "@/lib/staff/sign-in";
import { TEST_SITE_URL, testStaffContext } from "@/tests/support/staff";
import { Client } from "pg";
import { openPostgresStore } from "@/lib/appointments/postgres-store";
import { openTestPostgresStore, openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

// Each enrollment and sign-in hashes a password (scrypt): with a build running beside these tests on two cores, the
// longer ones take more than vitest's default 5 seconds (seen: "reset removes…", "locks an account…").
vi.setConfig({ testTimeout: 30_000 });

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const COMMAND_LINE = { commandLine: true } as const;
const PASSWORD = "quiet Lantern orbit 47 meadow";
const HOUR = 60 * 60 * 1000;

/** A clock the test moves: enrollment links and lockouts are judged by the context's `now`. */
function testClock(start = Date.UTC(2026, 10, 2, 15)) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

function fromAddress(clientAddress: string, cookie?: string): RequestOrigin {
  return { headers: new Headers(cookie ? { cookie } : {}), clientAddress };
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

/** The session cookie of a fresh sign-in, as the browser would hold it after the enrollment's password step. */
async function sessionCookie(context: StaffContext, email: string, password: string): Promise<string> {
  const signedIn = await context.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookies = parseSetCookieHeader(signedIn.headers.get("set-cookie") ?? "");
  return [...cookies].map(([name, { value }]) => `${name}=${value}`).join("; ");
}

const codeFor = (setup: TwoFactorSetup) => OTPAuth.URI.parse(setup.totpURI).generate();

/** Password, then authenticator: what a new person does with their link. */
async function enroll(context: StaffContext, link: string, email: string, clientAddress = "198.51.100.7") {
  const origin = fromAddress(clientAddress);
  const step = await setEnrollmentPassword(context, { token: tokenOf(link), password: PASSWORD, confirmPassword: PASSWORD }, origin);
  expect(step.step).toBe("two-factor");
  const setup = (step as { setup: TwoFactorSetup }).setup;
  const user = (await context.auth.$context).internalAdapter;
  const { user: found } = (await user.findUserByEmail(email))!;
  const cookie = await sessionCookie(context, email, PASSWORD);
  const done = await confirmTwoFactor(context, { code: codeFor(setup), setup }, { id: found.id, email }, fromAddress(clientAddress, cookie));
  expect(done).toEqual({ step: "done", backupCodes: setup.backupCodes });
  return { userId: found.id, setup };
}

async function countRows(store: AppointmentStore, table: "staff_session" | "staff_account" | "staff_two_factor", userId: string) {
  const { rows } = await sql<{ count: number | string }>`SELECT count(*) AS count FROM ${sql.table(table)} WHERE "userId" = ${userId}`.execute(
    store.authDatabase.db,
  );
  return Number(rows[0]!.count);
}

const stateOf = async (context: StaffContext, email: string) => (await listUsers(context)).find((user) => user.email === email)?.state;

describe.each([
  ["SQLite", () => openTestSqliteStore(cleanups)],
  ["PostgreSQL", async () => (await openTestPostgresStore(cleanups, "staff_accounts")).store],
])("staff accounts on %s", (_name, openStore) => {
  it("adds a person with a one-time link; enrollment sets a password and an authenticator; then they are active", async () => {
    const clock = testClock();
    const context = testStaffContext(await openStore(), { now: clock.now });
    const { user, enrollmentLink } = await addUser(context, { email: "Dana@Clinic.Example", name: "Dana Reyes", role: "admin" }, COMMAND_LINE);
    expect(user).toMatchObject({ email: "dana@clinic.example", name: "Dana Reyes", role: "admin" });
    expect(enrollmentLink).toMatch(new RegExp(`^${TEST_SITE_URL}/staff/enroll\\?token=[A-Za-z0-9_-]{43}$`));
    expect(await listUsers(context)).toEqual([
      {
        id: user.id,
        email: "dana@clinic.example",
        name: "Dana Reyes",
        role: "admin",
        state: "enrolling",
        createdAt: expect.any(Date),
        abilities: { abilities: ["edit", "review", "admin"] },
      },
    ]);
    await expect(addUser(context, { email: "dana@clinic.example", name: "Dana Again", role: "staff" }, COMMAND_LINE)).rejects.toBeInstanceOf(StaffAccountError);

    const { setup } = await enroll(context, enrollmentLink, "dana@clinic.example");
    // The key as text is the QR code's key, in groups of four.
    expect(setup.secretGroups.join("")).toBe(new URL(setup.totpURI).searchParams.get("secret"));
    expect(setup.qrImage).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(setup.backupCodes.length).toBeGreaterThan(0);
    expect(await stateOf(context, "dana@clinic.example")).toBe("active");

    // Used once, the link is spent.
    expect(await setEnrollmentPassword(context, { token: tokenOf(enrollmentLink), password: PASSWORD, confirmPassword: PASSWORD }, fromAddress("198.51.100.7"))).toEqual({
      step: "link-invalid",
    });
    // Signing in now asks for the code.
    expect(await signInWithPassword(context, { email: "dana@clinic.example", password: PASSWORD }, fromAddress("198.51.100.7"))).toEqual({
      step: "code",
      email: "dana@clinic.example",
    });
  });

  it("refuses a wrong authenticator code during enrollment and keeps the account enrolling", async () => {
    const context = testStaffContext(await openStore());
    const { user, enrollmentLink } = await addUser(context, { email: "eli@clinic.example", name: "Eli", role: "staff" }, COMMAND_LINE);
    const step = await setEnrollmentPassword(context, { token: tokenOf(enrollmentLink), password: PASSWORD, confirmPassword: PASSWORD }, fromAddress("198.51.100.7"));
    const setup = (step as { setup: TwoFactorSetup }).setup;
    const cookie = await sessionCookie(context, "eli@clinic.example", PASSWORD);
    const wrongCode = String((Number(codeFor(setup)) + 1) % 1_000_000).padStart(6, "0");
    const refused = await confirmTwoFactor(context, { code: wrongCode, setup }, { id: user.id, email: user.email }, fromAddress("198.51.100.7", cookie));
    expect(refused).toMatchObject({ step: "two-factor", error: expect.stringContaining("That code did not work") });
    expect(await confirmTwoFactor(context, { code: "12ab", setup }, { id: user.id, email: user.email }, fromAddress("198.51.100.7", cookie))).toMatchObject({
      error: "Enter the 6-digit code your app shows now.",
    });
    expect(await stateOf(context, "eli@clinic.example")).toBe("enrolling");
    // A password without the authenticator does not open the inbox.
    expect(await signInWithPassword(context, { email: "eli@clinic.example", password: PASSWORD }, fromAddress("198.51.100.8"))).toEqual({
      step: "password",
      email: "eli@clinic.example",
      error: SIGN_IN_MESSAGES.unfinished,
    });
  });

  it("writes only a real account into the audit log for a failed sign-in, never what was typed in the email box", async () => {
    const context = testStaffContext(await openStore());
    await addUser(context, { email: "hal@clinic.example", name: "Hal", role: "staff" }, COMMAND_LINE);
    const typed = ["Correct-Horse-Battery-91x", "<b>Zyxw Patientunique DOB 1961-02-03</b>", "nobody@clinic.example", " HAL@clinic.example "];
    for (const email of typed) {
      expect(await signInWithPassword(context, { email, password: "not the password" }, fromAddress("198.51.100.20"))).toMatchObject({ error: SIGN_IN_MESSAGES.wrong });
    }
    const failures = (await context.store.listAudit({ limit: 10 })).filter((entry) => entry.action === "sign-in-failed").reverse();
    expect(failures.map((entry) => entry.actorEmail)).toEqual([UNKNOWN_ACCOUNT, UNKNOWN_ACCOUNT, UNKNOWN_ACCOUNT, "hal@clinic.example"]);
    expect(failures[3]!.actorId).not.toBeNull();
    expect(JSON.stringify(await context.store.listAudit({ limit: 100 }))).not.toMatch(/Correct-Horse|Patientunique|nobody@/);
  });

  it("a disabled person's unused enrollment link no longer works, even once the account is enabled again", async () => {
    const context = testStaffContext(await openStore());
    const { enrollmentLink } = await addUser(context, { email: "gil@clinic.example", name: "Gil", role: "staff" }, COMMAND_LINE);
    await disableUser(context, "gil@clinic.example", COMMAND_LINE);
    expect(await enrollmentUser(context, tokenOf(enrollmentLink))).toBeUndefined();
    const input = { token: tokenOf(enrollmentLink), password: PASSWORD, confirmPassword: PASSWORD };
    expect(await setEnrollmentPassword(context, input, fromAddress("198.51.100.7"))).toEqual({ step: "link-invalid" });
    await enableUser(context, "gil@clinic.example", COMMAND_LINE);
    expect(await enrollmentUser(context, tokenOf(enrollmentLink))).toBeUndefined();
  });

  it("lets an enrollment link work for 24 hours only, and only the newest one", async () => {
    const clock = testClock();
    const context = testStaffContext(await openStore(), { now: clock.now });
    const { enrollmentLink } = await addUser(context, { email: "fay@clinic.example", name: "Fay", role: "staff" }, COMMAND_LINE);
    clock.advance(24 * HOUR - 60_000);
    expect((await enrollmentUser(context, tokenOf(enrollmentLink)))?.email).toBe("fay@clinic.example");
    clock.advance(60_000);
    expect(await enrollmentUser(context, tokenOf(enrollmentLink))).toBeUndefined();
    expect(await setEnrollmentPassword(context, { token: tokenOf(enrollmentLink), password: PASSWORD, confirmPassword: PASSWORD }, fromAddress("198.51.100.7"))).toEqual({
      step: "link-invalid",
    });

    const { enrollmentLink: second } = await resetUser(context, "fay@clinic.example", COMMAND_LINE);
    const { enrollmentLink: third } = await resetUser(context, "fay@clinic.example", COMMAND_LINE);
    expect(await enrollmentUser(context, tokenOf(second))).toBeUndefined();
    expect((await enrollmentUser(context, tokenOf(third)))?.email).toBe("fay@clinic.example");
    expect(await enrollmentUser(context, "")).toBeUndefined();
    expect(await enrollmentUser(context, "not-a-token")).toBeUndefined();
  });

  it("rejects a short, common or personal password with the reason, and the link still works afterwards", async () => {
    const context = testStaffContext(await openStore());
    const { enrollmentLink } = await addUser(context, { email: "gwen.hollis@clinic.example", name: "Gwen", role: "staff" }, COMMAND_LINE);
    const token = tokenOf(enrollmentLink);
    const attempt = (password: string, confirmPassword = password) =>
      setEnrollmentPassword(context, { token, password, confirmPassword }, fromAddress("198.51.100.7"));

    expect(await attempt("short pass")).toEqual({ step: "password", errors: { password: "Use at least 12 characters." } });
    expect(await attempt("password1234")).toEqual({
      step: "password",
      errors: { password: expect.stringContaining("on a list of passwords that attackers try first") },
    });
    expect(await attempt("gwen.hollis-2026!")).toEqual({
      step: "password",
      errors: { password: "This password contains your email or the clinic's name. Choose one that does not." },
    });
    expect(await attempt(PASSWORD, `${PASSWORD}x`)).toEqual({
      step: "password",
      errors: { confirmPassword: "The two passwords are not the same. Type the same password in both boxes." },
    });
    expect(await countRows(context.store, "staff_account", (await enrollmentUser(context, token))!.id)).toBe(0);
    expect((await attempt(PASSWORD)).step).toBe("two-factor");
  });

  it("disabling ends every session at once and blocks sign-in; enabling lets the person in again", async () => {
    const context = testStaffContext(await openStore());
    const { enrollmentLink } = await addUser(context, { email: "hana@clinic.example", name: "Hana", role: "staff" }, COMMAND_LINE);
    const { userId } = await enroll(context, enrollmentLink, "hana@clinic.example");
    await (await context.auth.$context).internalAdapter.createSession(userId);
    expect(await countRows(context.store, "staff_session", userId)).toBeGreaterThanOrEqual(2);

    expect(await disableUser(context, "HANA@clinic.example", COMMAND_LINE)).toEqual({ email: "hana@clinic.example" });
    expect(await countRows(context.store, "staff_session", userId)).toBe(0);
    expect(await stateOf(context, "hana@clinic.example")).toBe("disabled");
    await expect(context.auth.api.signInEmail({ body: { email: "hana@clinic.example", password: PASSWORD } })).rejects.toThrow();
    expect(await signInWithPassword(context, { email: "hana@clinic.example", password: PASSWORD }, fromAddress("198.51.100.9"))).toEqual({
      step: "password",
      email: "hana@clinic.example",
      error: SIGN_IN_MESSAGES.wrong,
    });
    expect(await countRows(context.store, "staff_session", userId)).toBe(0);

    await enableUser(context, "hana@clinic.example", COMMAND_LINE);
    expect(await stateOf(context, "hana@clinic.example")).toBe("active");
    expect((await signInWithPassword(context, { email: "hana@clinic.example", password: PASSWORD }, fromAddress("198.51.100.9"))).step).toBe("code");

    await expect(disableUser(context, "nobody@clinic.example", COMMAND_LINE)).rejects.toThrow("There is no staff account with the email nobody@clinic.example.");
  });

  it("keeps the last admin who can sign in when asked to (the inbox), but the command line may disable them", async () => {
    const context = testStaffContext(await openStore());
    const { enrollmentLink } = await addUser(context, { email: "ines@clinic.example", name: "Ines", role: "admin" }, COMMAND_LINE);
    await enroll(context, enrollmentLink, "ines@clinic.example");
    const actor = { id: "x", email: "other@clinic.example" };
    await expect(disableUser(context, "ines@clinic.example", actor, { keepAnAdmin: true })).rejects.toThrow("only admin who can sign in");
    await expect(resetUser(context, "ines@clinic.example", actor, { keepAnAdmin: true })).rejects.toThrow("only admin who can sign in");
    expect(await stateOf(context, "ines@clinic.example")).toBe("active");
    await disableUser(context, "ines@clinic.example", COMMAND_LINE);
    expect(await stateOf(context, "ines@clinic.example")).toBe("disabled");
  });

  it("reset removes the password, the authenticator and the sessions, and issues a new link (the old one is dead)", async () => {
    const context = testStaffContext(await openStore());
    const { enrollmentLink: first } = await addUser(context, { email: "jo@clinic.example", name: "Jo", role: "staff" }, COMMAND_LINE);
    const { userId } = await enroll(context, first, "jo@clinic.example");
    expect(await countRows(context.store, "staff_two_factor", userId)).toBe(1);

    const { enrollmentLink } = await resetUser(context, "jo@clinic.example", COMMAND_LINE);
    expect(enrollmentLink).not.toBe(first);
    expect(await countRows(context.store, "staff_session", userId)).toBe(0);
    expect(await countRows(context.store, "staff_account", userId)).toBe(0);
    expect(await countRows(context.store, "staff_two_factor", userId)).toBe(0);
    expect(await stateOf(context, "jo@clinic.example")).toBe("enrolling");
    await expect(context.auth.api.signInEmail({ body: { email: "jo@clinic.example", password: PASSWORD } })).rejects.toThrow();
    expect(await enrollmentUser(context, tokenOf(first))).toBeUndefined();

    const { setup } = await enroll(context, enrollmentLink, "jo@clinic.example");
    expect(await countRows(context.store, "staff_two_factor", userId)).toBe(1);
    expect(setup.totpURI).toContain("secret=");
    expect(await stateOf(context, "jo@clinic.example")).toBe("active");
  });

  it("audits every account action with its actor, and never a secret", async () => {
    const context = testStaffContext(await openStore());
    const { user, enrollmentLink } = await addUser(context, { email: "kim@clinic.example", name: "Kim", role: "staff" }, COMMAND_LINE);
    await enroll(context, enrollmentLink, "kim@clinic.example", "203.0.113.44");
    const admin = { id: "admin-id", email: "admin@clinic.example" };
    await disableUser(context, "kim@clinic.example", admin);
    await enableUser(context, "kim@clinic.example", admin);
    const { enrollmentLink: newLink } = await resetUser(context, "kim@clinic.example", COMMAND_LINE);

    const entries = (await context.store.listAudit({ limit: 100 })).reverse();
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.actorEmail, entry.detail])).toEqual([
      ["user-add", null, "(server command line)", "kim@clinic.example (staff)"],
      ["enrollment-link", null, "(server command line)", "kim@clinic.example"],
      ["enrollment-password", user.id, "kim@clinic.example", null],
      ["enrollment-two-factor", user.id, "kim@clinic.example", null],
      ["user-disable", "admin-id", "admin@clinic.example", "kim@clinic.example"],
      ["user-enable", "admin-id", "admin@clinic.example", "kim@clinic.example"],
      ["user-reset", null, "(server command line)", "kim@clinic.example"],
      ["enrollment-link", null, "(server command line)", "kim@clinic.example"],
    ]);
    for (const entry of entries) expect(Object.keys(AUDIT_ACTIONS)).toContain(entry.action);
    // The enrollment steps come from a browser: a hashed address, the same for the same address; none for the command line.
    const [, , password, twoFactor] = entries;
    expect(password!.ipHash).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(twoFactor!.ipHash).toBe(password!.ipHash);
    expect(entries[0]!.ipHash).toBeNull();
    const logged = JSON.stringify(entries);
    for (const secret of [PASSWORD, tokenOf(enrollmentLink), tokenOf(newLink), "203.0.113.44"]) expect(logged).not.toContain(secret);
  });

  it("keeps no address and no browser description in a signed-in session, only what the session needs", async () => {
    const context = testStaffContext(await openStore());
    const { enrollmentLink } = await addUser(context, { email: "nia@clinic.example", name: "Nia", role: "staff" }, COMMAND_LINE);
    const { userId, setup } = await enroll(context, enrollmentLink, "nia@clinic.example");
    const userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) FrontDeskBrowser/9.9";
    const browser = (clientAddress: string, cookie?: string): RequestOrigin => ({
      headers: new Headers({ "x-forwarded-for": clientAddress, "user-agent": userAgent, ...(cookie ? { cookie } : {}) }),
      clientAddress,
    });
    const password = await context.auth.api.signInEmail({ body: { email: "nia@clinic.example", password: PASSWORD }, headers: browser("203.0.113.61").headers, returnHeaders: true });
    const twoFactorCookie = [...parseSetCookieHeader(password.headers.get("set-cookie") ?? "")].map(([name, { value }]) => `${name}=${value}`).join("; ");
    // A recovery code, not the authenticator's: the code enrollment just used must not be needed twice.
    expect(await signInWithCode(context, "nia@clinic.example", { code: setup.backupCodes[0]! }, browser("203.0.113.61", twoFactorCookie))).toEqual({ step: "done" });

    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM staff_session WHERE "userId" = ${userId}`.execute(context.store.authDatabase.db);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toMatchObject({ ipAddress: null, userAgent: null });
      const stored = JSON.stringify(row);
      for (const raw of ["203.0.113.61", "198.51.100.7", "127.0.0.1", "FrontDeskBrowser"]) expect(stored).not.toContain(raw);
    }
  });

  it("locks an account after five failures, even for the right password, and the address for other accounts too", async () => {
    const clock = testClock();
    const context = testStaffContext(await openStore(), { now: clock.now });
    for (const email of ["lee@clinic.example", "max@clinic.example"]) {
      const { enrollmentLink } = await addUser(context, { email, name: email.split("@")[0]!, role: "staff" }, COMMAND_LINE);
      await enroll(context, enrollmentLink, email);
    }
    const guesser = fromAddress("192.0.2.66");
    const answers = [];
    for (const password of ["wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5"]) {
      answers.push(await signInWithPassword(context, { email: "lee@clinic.example", password }, guesser));
    }
    // Wrong password, unknown account: the same words, never which part was wrong.
    answers.push(await signInWithPassword(context, { email: "nobody@clinic.example", password: PASSWORD }, fromAddress("192.0.2.67")));
    for (const answer of answers) expect(answer).toMatchObject({ step: "password", error: SIGN_IN_MESSAGES.wrong });

    expect(await signInWithPassword(context, { email: "lee@clinic.example", password: PASSWORD }, guesser)).toMatchObject({ error: SIGN_IN_MESSAGES.locked });
    // The account is locked from anywhere, and the address for any account.
    expect(await signInWithPassword(context, { email: "lee@clinic.example", password: PASSWORD }, fromAddress("192.0.2.99"))).toMatchObject({
      error: SIGN_IN_MESSAGES.locked,
    });
    expect(await signInWithPassword(context, { email: "max@clinic.example", password: PASSWORD }, guesser)).toMatchObject({ error: SIGN_IN_MESSAGES.locked });
    expect((await signInWithPassword(context, { email: "max@clinic.example", password: PASSWORD }, fromAddress("192.0.2.99"))).step).toBe("code");
    for (const message of Object.values(SIGN_IN_MESSAGES)) expect(message).not.toMatch(/password is (wrong|incorrect)|no (such )?account|unknown email/i);

    const audited = (await context.store.listAudit({ limit: 100 })).map((entry) => entry.action);
    expect(audited.filter((action) => action === "sign-in-failed")).toHaveLength(6);
    expect(audited.filter((action) => action === "sign-in-locked")).toHaveLength(3);

    // Fifteen minutes on, the lock is gone.
    clock.advance(15 * 60_000 + 1);
    expect((await signInWithPassword(context, { email: "lee@clinic.example", password: PASSWORD }, guesser)).step).toBe("code");
  });
});

/**
 * Two requests at once, each on a store of its own as two servers see one PostgreSQL database, and a race between
 * them that timing cannot decide: another connection holds the admins' rows until both sides are waiting on a
 * lock (seen in pg_stat_activity), so both have done whatever they do before their first write. SQLite needs no
 * help: its one connection lives in this process, and two requests interleave the same way every run.
 */
describe.each([
  [
    "SQLite",
    async () => {
      // One server, two requests: SQLite serves one process (better-sqlite3 blocks the process while it waits
      // for another connection's lock, so two connections in one process would only wait out the busy timeout).
      const store = await openTestSqliteStore(cleanups);
      return { stores: [store, store] as const, race: <T>(run: () => Promise<T>) => run() };
    },
  ],
  [
    "PostgreSQL",
    async () => {
      const { store, url } = await openTestPostgresStore(cleanups, "last_admin");
      const second = await openPostgresStore(url);
      cleanups.push(() => second.close());
      const race = async <T>(run: () => Promise<T>): Promise<T> => {
        const holder = new Client({ connectionString: url });
        await holder.connect();
        try {
          await holder.query("BEGIN");
          await holder.query(`SELECT id FROM staff_user WHERE role = 'admin' FOR UPDATE`);
          const result = run();
          await expect
            .poll(async () => {
              await holder.query("SELECT pg_stat_clear_snapshot()");
              const { rows } = await holder.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
              return rows[0].waiting;
            })
            .toBe(2);
          await holder.query("COMMIT");
          return await result;
        } finally {
          await holder.end();
        }
      };
      return { stores: [store, second] as const, race };
    },
  ],
])("the last admin on %s", (_name, openTwoStores) => {
  it("two admins disabling or resetting each other at the same moment: one is refused, and an admin can still sign in", async () => {
    const { stores, race } = await openTwoStores();
    const context = testStaffContext(stores[0]);
    const elsewhere = testStaffContext(stores[1]);
    const admins = [];
    for (const [email, name] of [["ada@clinic.example", "Ada"], ["bo@clinic.example", "Bo"]] as const) {
      const { enrollmentLink } = await addUser(context, { email, name, role: "admin" }, COMMAND_LINE);
      admins.push({ id: (await enroll(context, enrollmentLink, email)).userId, email });
    }
    const [ada, bo] = admins as [{ id: string; email: string }, { id: string; email: string }];
    const inbox = { keepAnAdmin: true };
    const outcomes = await race(() => Promise.allSettled([disableUser(context, bo.email, ada, inbox), disableUser(elsewhere, ada.email, bo, inbox)]));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(StaffAccountError);
    expect(String(refused.reason)).toContain("only admin who can sign in");
    const activeAdmins = async () => (await listUsers(context)).filter((user) => user.role === "admin" && user.state === "active");
    expect(await activeAdmins()).toHaveLength(1);

    // A reset (which takes two-factor away) against a disable, once the survivor has brought the other back.
    const [survivor] = await activeAdmins();
    const other = survivor!.id === ada.id ? bo : ada;
    await enableUser(context, other.email, COMMAND_LINE);
    expect(await activeAdmins()).toHaveLength(2);
    const survivorActor = { id: survivor!.id, email: survivor!.email };
    const resetRace = await race(() =>
      Promise.allSettled([resetUser(context, other.email, survivorActor, inbox), disableUser(elsewhere, survivor!.email, other, inbox)]),
    );
    expect(resetRace.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await activeAdmins()).toHaveLength(1);
  });
});
