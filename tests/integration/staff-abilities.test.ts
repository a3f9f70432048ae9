// @vitest-environment node
/**
 * Who may do what to the website's pages, on SQLite and PostgreSQL: abilities granted to staff accounts, the
 * physician a clinical reviewer signs for (one of content/clinic.yaml's, given here), the refusals in words an admin
 * or operator can act on, and the audit log. Better Auth on the store's own database, as the site runs it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { addUser, listUsers, setAbilities, StaffAccountError } from "@/lib/staff/accounts";
import { testStaffContext } from "@/tests/support/staff";
import { openTestPostgresStore, openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

vi.setConfig({ testTimeout: 30_000 });

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const COMMAND_LINE = { commandLine: true } as const;
const ADMIN = { id: "admin-id", email: "admin@clinic.example" };
const CLINIC_FILE = "content/clinic.yaml";
const PHYSICIANS = { names: ["Dr. Ada Mocek", "Dr. Ben Ortiz"], file: CLINIC_FILE };

describe.each([
  ["SQLite", () => openTestSqliteStore(cleanups)],
  ["PostgreSQL", async () => (await openTestPostgresStore(cleanups, "staff_abilities")).store],
])("staff abilities on %s", (_name, openStore) => {
  it("today's accounts keep working: staff hold no ability until granted, admins hold every one", async () => {
    const context = testStaffContext(await openStore());
    await addUser(context, { email: "dee@clinic.example", name: "Dee Desk", role: "staff" }, COMMAND_LINE);
    await addUser(context, { email: "boss@clinic.example", name: "Bo Boss", role: "admin" }, COMMAND_LINE);
    const abilities = Object.fromEntries((await listUsers(context)).map((user) => [user.email, user.abilities]));
    expect(abilities).toEqual({
      "dee@clinic.example": { abilities: [] },
      "boss@clinic.example": { abilities: ["edit", "review", "admin"] },
    });
  });

  it("grants edit and review with a physician, at once or later, replaces them, and audits each change", async () => {
    const context = testStaffContext(await openStore());
    const options = { physicians: PHYSICIANS };
    const { user } = await addUser(
      context,
      { email: "ada@clinic.example", name: "Ada Mocek", role: "staff", grant: { can: ["edit", "review"], physician: "Dr. Ada Mocek" } },
      COMMAND_LINE,
      options,
    );
    expect(user.abilities).toEqual({ abilities: ["edit", "review"], physician: "Dr. Ada Mocek" });
    await addUser(context, { email: "ed@clinic.example", name: "Ed Itor", role: "staff" }, COMMAND_LINE, options);

    await setAbilities(context, "ED@clinic.example", { can: ["edit"] }, ADMIN, { ...options, clientAddress: "203.0.113.5" });
    await setAbilities(context, "ada@clinic.example", { can: ["review"], physician: "Dr. Ben Ortiz" }, ADMIN, options);
    const byEmail = Object.fromEntries((await listUsers(context)).map((found) => [found.email, found.abilities]));
    expect(byEmail).toEqual({
      "ada@clinic.example": { abilities: ["review"], physician: "Dr. Ben Ortiz" },
      "ed@clinic.example": { abilities: ["edit"] },
    });
    // And taken away again: `none` on the command line, no box ticked on the admins' page.
    await setAbilities(context, "ed@clinic.example", { can: [] }, ADMIN, options);
    expect((await listUsers(context)).find((found) => found.email === "ed@clinic.example")!.abilities).toEqual({ abilities: [] });

    const entries = (await context.store.listAudit({ limit: 100 })).reverse().filter((entry) => entry.action !== "enrollment-link");
    expect(entries.map((entry) => [entry.action, entry.actorEmail, entry.detail])).toEqual([
      ["user-add", "(server command line)", "ada@clinic.example (staff; abilities: edit, review (Dr. Ada Mocek))"],
      ["user-add", "(server command line)", "ed@clinic.example (staff)"],
      ["user-abilities", "admin@clinic.example", "ed@clinic.example: edit"],
      ["user-abilities", "admin@clinic.example", "ada@clinic.example: review (Dr. Ben Ortiz)"],
      ["user-abilities", "admin@clinic.example", "ed@clinic.example: none"],
    ]);
    expect(entries[2]!.ipHash).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("refuses an unknown ability, a physician not in clinic.yaml, a physician without review and review without one, changing nothing", async () => {
    const context = testStaffContext(await openStore());
    await addUser(context, { email: "dee@clinic.example", name: "Dee Desk", role: "staff" }, COMMAND_LINE);
    const refusal = async (request: Parameters<typeof setAbilities>[2], physicians: typeof PHYSICIANS = PHYSICIANS) => {
      const error = await setAbilities(context, "dee@clinic.example", request, ADMIN, { physicians }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StaffAccountError);
      return (error as Error).message;
    };
    expect(await refusal({ can: ["edit", "publish"] })).toBe('"publish" is not an ability: choose from edit, review.');
    expect(await refusal({ can: ["admin"] })).toContain("admin is a role, not an ability to grant");
    expect(await refusal({ can: ["review"], physician: "Dr. Example Name" })).toBe(
      `"Dr. Example Name" is not among the physicians in ${CLINIC_FILE}. Choose one of "Dr. Ada Mocek", "Dr. Ben Ortiz".`,
    );
    expect(await refusal({ can: ["review"], physician: "Dr. Ada Mocek" }, { names: [], file: CLINIC_FILE })).toBe(
      `"Dr. Ada Mocek" is not among the physicians in ${CLINIC_FILE}. ${CLINIC_FILE} names no physicians yet: add the physician there first (and publish it), then link the reviewer.`,
    );
    expect(await refusal({ can: ["edit"], physician: "Dr. Ada Mocek" })).toBe(
      "A physician is linked only to an account with the review ability: add review, or leave the physician out.",
    );
    expect(await refusal({ can: ["review"] })).toBe(
      'The review ability needs the physician whose name this person\'s approval puts on a page. Choose one of "Dr. Ada Mocek", "Dr. Ben Ortiz".',
    );
    // A refused grant on a new account makes no account.
    await expect(
      addUser(context, { email: "new@clinic.example", name: "New", role: "staff", grant: { can: ["review"] } }, COMMAND_LINE, { physicians: PHYSICIANS }),
    ).rejects.toBeInstanceOf(StaffAccountError);

    expect((await listUsers(context)).map((user) => [user.email, user.abilities])).toEqual([["dee@clinic.example", { abilities: [] }]]);
    expect((await context.store.listAudit({ limit: 100 })).map((entry) => entry.action)).not.toContain("user-abilities");
  });

  it("forgets an account's abilities with the account, and the database refuses a reviewer without a physician", async () => {
    const store = await openStore();
    const context = testStaffContext(store);
    const { user } = await addUser(context, { email: "ada@clinic.example", name: "Ada", role: "staff", grant: { can: ["edit"] } }, COMMAND_LINE, { physicians: PHYSICIANS });
    expect(await store.findStaffAbilities(user.id)).toEqual({ userId: user.id, edit: true, review: false, physician: null });
    await expect(store.setStaffAbilities({ userId: user.id, edit: false, review: true, physician: null }, new Date().toISOString())).rejects.toThrow();
    await (await context.auth.$context).internalAdapter.deleteUser(user.id);
    expect(await store.listStaffAbilities()).toEqual([]);
  });
});
