// @vitest-environment node
/**
 * The staff accounts tool (`npm run staff`) as an operator runs it on the server: a child process against a real
 * SQLite file, checked through the store the server uses.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databasePath, openSqliteStore } from "@/lib/appointments/sqlite-store";
import { enrollmentTokenHash } from "@/lib/staff/accounts";
import { runTool } from "@/tests/support/staff-tool";
import { testTempDir, type Cleanups } from "@/tests/support/test-stores";

const KEY = Buffer.alloc(32, 7).toString("base64");
const SITE_URL = "https://clinic.example";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const tempDir = () => testTempDir(cleanups, "staff-cli");

const runStaff = (args: string[], dataDir: string) => runTool("staff", args, { DATA_DIR: dataDir, APPOINTMENTS_KEY: KEY, SITE_URL });

/** The token of the one enrollment link in the tool's output. */
function linkToken(stdout: string): string {
  const links = [...stdout.matchAll(/^ {2}(\S+)$/gm)].map((match) => match[1]!);
  expect(links).toHaveLength(1);
  expect(links[0]).toMatch(new RegExp(`^${SITE_URL}/staff/enroll\\?token=[A-Za-z0-9_-]{43}$`));
  return new URL(links[0]!).searchParams.get("token")!;
}

/** Whom an enrollment token opens now, read as the enrollment page reads it. */
async function enrollmentFor(dataDir: string, token: string): Promise<string | undefined> {
  const store = await openSqliteStore(databasePath(dataDir), { mustExist: true });
  try {
    const userId = await store.findEnrollment(enrollmentTokenHash(token), new Date().toISOString());
    if (!userId) return undefined;
    const user = await store.authDatabase.db.selectFrom("staff_user").select("email").where("id", "=", userId).executeTakeFirst();
    return user?.email as string | undefined;
  } finally {
    await store.close();
  }
}

// Each test runs the tool up to eight times, one process after another: on a loaded machine (CI beside a build) a
// start takes seconds, so the cap is per test, generous, and only there to stop a tool that hangs.
describe("the staff accounts tool (npm run staff)", { timeout: 240_000 }, () => {
  it("makes the first admin on a fresh install and prints a one-time link that opens enrollment for them", async () => {
    const dataDir = tempDir();
    const added = runStaff(["add-user", "--email", "Admin@Clinic.Example", "--name", "Ana Admin", "--role", "admin"], dataDir);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("Added Ana Admin <admin@clinic.example> as admin; abilities: edit, review, admin.");
    expect(added.stdout).toContain("works once, for 24 hours");
    expect(added.stderr).toContain(`Made a new database at ${databasePath(dataDir)}`);
    const token = linkToken(added.stdout);
    expect(await enrollmentFor(dataDir, token)).toBe("admin@clinic.example");
    // No secret but the link: not the key, not a hash of the token.
    for (const output of [added.stdout, added.stderr]) {
      expect(output).not.toContain(KEY);
      expect(output).not.toContain(enrollmentTokenHash(token));
    }

    const again = runStaff(["add-user", "--email", "admin@clinic.example", "--name", "Ana", "--role", "staff"], dataDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("There is already a staff account with the email admin@clinic.example.");
  }, 60_000);

  it("lists, disables, enables and resets accounts; reset voids the old link", async () => {
    const dataDir = tempDir();
    const first = runStaff(["add-user", "--email", "ana@clinic.example", "--name", "Ana Admin", "--role", "admin"], dataDir);
    runStaff(["add-user", "--email", "bo@clinic.example", "--name", "Bo Front-Desk", "--role", "staff"], dataDir);

    const listed = runStaff(["list-users"], dataDir);
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split("\n").map((line) => line.split(/ {2,}/))).toEqual([
      ["EMAIL", "NAME", "ROLE", "STATE", "ABILITIES"],
      ["ana@clinic.example", "Ana Admin", "admin", "enrolling", "edit, review, admin"],
      ["bo@clinic.example", "Bo Front-Desk", "staff", "enrolling", "none"],
    ]);

    const disabled = runStaff(["disable-user", "--email", "bo@clinic.example"], dataDir);
    expect(disabled.status).toBe(0);
    expect(disabled.stdout).toContain("bo@clinic.example is disabled");
    expect(runStaff(["list-users"], dataDir).stdout).toMatch(/^bo@clinic\.example\s+Bo Front-Desk\s+staff\s+disabled\s+none$/m);
    expect(runStaff(["enable-user", "--email", "bo@clinic.example"], dataDir).status).toBe(0);
    expect(runStaff(["list-users"], dataDir).stdout).toMatch(/^bo@clinic\.example\s+Bo Front-Desk\s+staff\s+enrolling\s+none$/m);

    const reset = runStaff(["reset-user", "--email", "ana@clinic.example"], dataDir);
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain("ana@clinic.example's password, authenticator and sessions no longer work");
    expect(await enrollmentFor(dataDir, linkToken(first.stdout))).toBeUndefined();
    expect(await enrollmentFor(dataDir, linkToken(reset.stdout))).toBe("ana@clinic.example");

    const unknown = runStaff(["disable-user", "--email", "nobody@clinic.example"], dataDir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("There is no staff account with the email nobody@clinic.example.");

    // Every change is in the audit log, by the server's command line.
    const store = await openSqliteStore(databasePath(dataDir), { mustExist: true });
    const audit = (await store.listAudit({ limit: 50 })).reverse();
    await store.close();
    expect(audit.map((entry) => entry.action)).toEqual([
      "user-add",
      "enrollment-link",
      "user-add",
      "enrollment-link",
      "user-disable",
      "user-enable",
      "user-reset",
      "enrollment-link",
    ]);
    for (const entry of audit) expect(entry).toMatchObject({ actorId: null, actorEmail: "(server command line)", ipHash: null });
  }, 60_000);

  it("grants and takes away what a person may do to the website's pages, at add-user and with set-abilities, audited", async () => {
    const dataDir = tempDir();
    const added = runStaff(["add-user", "--email", "ed@clinic.example", "--name", "Ed Itor", "--role", "staff", "--can", "edit"], dataDir);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("Added Ed Itor <ed@clinic.example> as staff; abilities: edit.");
    runStaff(["add-user", "--email", "bo@clinic.example", "--name", "Bo Front-Desk", "--role", "staff"], dataDir);

    const granted = runStaff(["set-abilities", "bo@clinic.example", "--can", "edit"], dataDir);
    expect(granted.status).toBe(0);
    expect(granted.stdout).toBe("bo@clinic.example now has these abilities: edit.\n");
    expect(runStaff(["set-abilities", "ed@clinic.example", "--can", "none"], dataDir).stdout).toBe("ed@clinic.example now has these abilities: none.\n");
    expect(runStaff(["list-users"], dataDir).stdout).toMatch(/^bo@clinic\.example\s+Bo Front-Desk\s+staff\s+enrolling\s+edit$/m);
    expect(runStaff(["list-users"], dataDir).stdout).toMatch(/^ed@clinic\.example\s+Ed Itor\s+staff\s+enrolling\s+none$/m);

    const unknown = runStaff(["set-abilities", "nobody@clinic.example", "--can", "edit"], dataDir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("There is no staff account with the email nobody@clinic.example.");

    const store = await openSqliteStore(databasePath(dataDir), { mustExist: true });
    const audit = (await store.listAudit({ limit: 50 })).reverse().filter((entry) => entry.action !== "enrollment-link");
    await store.close();
    expect(audit.map((entry) => [entry.action, entry.actorEmail, entry.detail])).toEqual([
      ["user-add", "(server command line)", "ed@clinic.example (staff; abilities: edit)"],
      ["user-add", "(server command line)", "bo@clinic.example (staff)"],
      ["user-abilities", "(server command line)", "bo@clinic.example: edit"],
      ["user-abilities", "(server command line)", "ed@clinic.example: none"],
    ]);
  }, 60_000);

  it("names the flag that is wrong, exits with 2 for usage errors and changes nothing", async () => {
    const dataDir = tempDir();
    runStaff(["add-user", "--email", "ana@clinic.example", "--name", "Ana", "--role", "admin"], dataDir);

    const mistakes: [string[], string[]][] = [
      [["add-user", "--email", "bo@clinic.example", "--name", "Bo", "--role", "boss"], ['--role: Choose a role: "admin" or "staff".']],
      [
        ["add-user", "--email", "bo-at-clinic", "--name", " ", "--role", "staff"],
        ["--email: Enter an email address, like name@example.com.", "--name: Enter the person's name."],
      ],
      [["add-user", "--email", "bo@clinic.example"], ["add-user needs --name and --role."]],
      [["list-users", "--role", "admin"], ["list-users takes no --role."]],
      [["disable-user", "--mail", "bo@clinic.example"], ["Unknown option '--mail'"]],
      [["delete-user", "--email", "ana@clinic.example"], ['Unknown command "delete-user".', "Usage: npm run staff -- <command>"]],
      [["set-abilities", "ana@clinic.example", "--can", "edit,publish"], ['--can: "publish" is not an ability: choose from edit, review.']],
      // content/clinic.yaml names no physicians yet: the message says so, instead of listing none.
      [
        ["add-user", "--email", "bo@clinic.example", "--name", "Bo", "--role", "staff", "--can", "review", "--physician", "Dr. Example Name"],
        [
          '--physician: "Dr. Example Name" is not among the physicians in content/clinic.yaml. content/clinic.yaml names no physicians yet: add the physician there first (and publish it), then link the reviewer.',
        ],
      ],
      [
        ["set-abilities", "ana@clinic.example", "--can", "edit", "--physician", "Dr. Example Name"],
        ["--physician: A physician is linked only to an account with the review ability: add review, or leave the physician out."],
      ],
      [["set-abilities", "ana@clinic.example"], ["set-abilities needs --can."]],
      [["list-users", "--can", "edit"], ["list-users takes no --can."]],
    ];
    for (const [args, messages] of mistakes) {
      const result = runStaff(args, dataDir);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      for (const message of messages) expect(result.stderr).toContain(message);
    }

    expect(runStaff(["list-users"], dataDir).stdout.trim().split("\n")).toHaveLength(2);
  }, 60_000);

  it("never makes a database except for add-user, and shows its help through npm's launcher", () => {
    const dataDir = tempDir();
    for (const args of [["list-users"], ["reset-user", "--email", "ana@clinic.example"]]) {
      const result = runStaff(args, dataDir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`There is no appointment database at ${databasePath(dataDir)}. Check DATA_DIR`);
      expect(result.stdout).toBe("");
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);

    const help = spawnSync(process.execPath, ["scripts/staff.mjs", "--help"], { cwd: path.resolve(__dirname, "../.."), encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("add-user --email E --name N --role admin|staff");
    expect(help.stdout).toContain("reset-user --email E");
  }, 60_000);
});
