/**
 * Staff accounts from the server's command line, beside the admins' page in the inbox:
 *   npm run staff -- add-user --email E --name N --role admin|staff [--can edit,review --physician P] | list-users
 *                    | set-abilities E --can edit,review|none [--physician P] | disable-user --email E
 *                    | enable-user --email E | reset-user --email E
 * The first admin is made here, and so is the way back in when every admin is locked out. Each change is in the
 * audit log with the server's command line as its actor. `npm run build` compiles it to .next/standalone/staff.mjs
 * (scripts/build-requests-cli.mjs). It never prints a secret but the enrollment link it was asked for.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { describeAbilities } from "@/lib/staff/abilities";
import {
  abilityGrantSchema,
  addUser,
  disableUser,
  enableUser,
  ENROLLMENT_HOURS,
  listUsers,
  newStaffUserSchema,
  resetUser,
  setAbilities,
  StaffAccountError,
  STAFF_ROLES,
  type StaffUserSummary,
} from "@/lib/staff/accounts";
import type { AuditActor } from "@/lib/staff/audit";
import { createStaffAuth } from "@/lib/staff/auth-config";
import { clinicPhysicians } from "@/lib/staff/physicians";
import type { StaffContext } from "@/lib/staff/context";
import { openAppointmentData, storeLocation } from "@/lib/appointments/runtime";
import { neutraliseForDisplay } from "@/lib/appointments/safe-text";
import { MissingDatabaseError } from "@/lib/appointments/sqlite-store";
import { getServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";

const USAGE = `Usage: npm run staff -- <command>
  add-user --email E --name N --role admin|staff [--can edit,review] [--physician "Dr. …"]
                          a new account; prints its one-time enrollment link (works once, for ${ENROLLMENT_HOURS} hours)
  list-users              every account: email, name, role, state (active, enrolling or disabled), abilities
  set-abilities E --can edit,review|none [--physician "Dr. …"]
                          what the person at email E may do to the website's pages, replacing what they had:
                          edit (drafts, pictures, ask for review, publish approved drafts), review (clinical review,
                          signed with --physician, a name from content/clinic.yaml); admins may do everything
  disable-user --email E  the person can no longer sign in; their sessions end at once
  enable-user --email E   undoes disable-user
  reset-user --email E    a new enrollment link; the old password, authenticator and sessions stop working
                          (the way back in for someone who lost their phone, or for an admin locked out)`;

type Flag = "email" | "name" | "role" | "can" | "physician";

/** Which flags each command needs, and which it may take besides. */
const COMMANDS = {
  "add-user": { needs: ["email", "name", "role"], may: ["can", "physician"] },
  "list-users": { needs: [], may: [] },
  // The email comes first, without a flag: `set-abilities ana@clinic.example --can edit`.
  "set-abilities": { needs: ["email", "can"], may: ["physician"] },
  "disable-user": { needs: ["email"], may: [] },
  "enable-user": { needs: ["email"], may: [] },
  "reset-user": { needs: ["email"], may: [] },
} as const satisfies Record<string, { needs: readonly Flag[]; may: readonly Flag[] }>;

/** Commands whose first word after the command is the account's email. */
const EMAIL_FIRST: readonly Command[] = ["set-abilities"];

type Command = keyof typeof COMMANDS;
type Flags = Partial<Record<Flag, string>>;

const COMMAND_LINE: AuditActor = { commandLine: true };

class UsageError extends Error {}

function parseCommandLine(args: string[]): { command: Command; flags: Flags } {
  const [command, ...rest] = args;
  if (!command || !(command in COMMANDS)) throw new UsageError(`Unknown command "${command}".`);
  const { needs, may }: { needs: readonly string[]; may: readonly string[] } = COMMANDS[command as Command];
  const emailFirst = EMAIL_FIRST.includes(command as Command) && rest[0] !== undefined && !rest[0].startsWith("-");
  let flags: Flags;
  try {
    const options = { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, can: { type: "string" }, physician: { type: "string" } } as const;
    flags = parseArgs({ args: emailFirst ? rest.slice(1) : rest, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's own words ("Unknown option '--mail'", "Option '--email <value>' argument missing") name the flag.
    throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, ".")}`);
  }
  if (emailFirst) flags.email = rest[0];
  for (const flag of Object.keys(flags)) {
    if (!needs.includes(flag) && !may.includes(flag)) throw new UsageError(`${command} takes no --${flag}.`);
  }
  const missing = needs.filter((flag) => flags[flag as keyof Flags] === undefined);
  if (missing.length > 0) throw new UsageError(`${command} needs ${missing.map((flag) => `--${flag}`).join(" and ")}.`);
  return { command: command as Command, flags };
}

/** Each of zod's messages named by its flag. */
const flagErrors = (error: z.ZodError) => new UsageError(error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n"));

/** The new person's details as the inbox's form checks them. */
function newUserFromFlags(flags: Flags) {
  const parsed = newStaffUserSchema.safeParse(flags);
  if (parsed.success) return parsed.data;
  throw flagErrors(parsed.error);
}

/**
 * `--can edit,review` (or `none`) and `--physician`, checked as the admins' page checks them, against the physicians
 * in content/clinic.yaml; undefined when neither was given (add-user without them grants nothing).
 */
function grantFromFlags(flags: Flags) {
  if (flags.can === undefined && flags.physician === undefined) return undefined;
  const names = (flags.can ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "" && name !== "none");
  const request = { can: names, physician: flags.physician };
  const physicians = physiciansOfTheSite();
  const parsed = abilityGrantSchema(physicians).safeParse(request);
  if (parsed.success) return { request, physicians };
  throw flagErrors(parsed.error);
}

/** content/clinic.yaml's physicians, read as the server reads them: from the site's folder, the one it runs in. */
function physiciansOfTheSite() {
  try {
    return clinicPhysicians();
  } catch (error) {
    throw new StaffAccountError(
      `Could not read the clinic's physicians (content/clinic.yaml) in ${process.cwd()}: run this where the server runs ` +
        `(its folder holds content/), then try again. ${(error as Error).message}`,
    );
  }
}

function describeLink(link: string, timeZone: string): string {
  const expiresAt = new Date(Date.now() + ENROLLMENT_HOURS * 60 * 60 * 1000);
  const until = expiresAt.toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return [
    `One-time enrollment link (works once, for ${ENROLLMENT_HOURS} hours, until about ${until}):`,
    `  ${link}`,
    "Give it to that person only, in person or by phone: whoever opens it first sets the password.",
  ].join("\n");
}

function describeUsers(users: StaffUserSummary[]): string {
  const rows = users.map((user) => [user.email, neutraliseForDisplay(user.name), user.role, user.state, describeAbilities(user.abilities)]);
  const header = ["EMAIL", "NAME", "ROLE", "STATE", "ABILITIES"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

async function run(context: StaffContext, command: Command, flags: Flags): Promise<void> {
  const email = flags.email ?? "";
  switch (command) {
    case "add-user": {
      const grant = grantFromFlags(flags);
      const input = { ...newUserFromFlags(flags), grant: grant?.request };
      const { user, enrollmentLink } = await addUser(context, input, COMMAND_LINE, { physicians: grant?.physicians });
      console.log(
        `Added ${neutraliseForDisplay(user.name)} <${user.email}> as ${STAFF_ROLES[user.role].toLowerCase()}; abilities: ${describeAbilities(user.abilities)}.`,
      );
      console.log(describeLink(enrollmentLink, context.env.TIME_ZONE));
      return;
    }
    case "list-users": {
      const users = await listUsers(context);
      if (users.length === 0) console.error("No staff accounts yet: make the first admin with add-user --role admin.");
      else console.log(describeUsers(users));
      return;
    }
    case "set-abilities": {
      const { request, physicians } = grantFromFlags(flags)!;
      const changed = await setAbilities(context, email, request, COMMAND_LINE, { physicians });
      console.log(`${changed.email} now has these abilities: ${describeAbilities(changed.abilities)}.`);
      return;
    }
    case "disable-user": {
      const { email: disabled } = await disableUser(context, email, COMMAND_LINE);
      console.log(`${disabled} is disabled: their sessions have ended and they cannot sign in (enable-user undoes this).`);
      return;
    }
    case "enable-user": {
      const { email: enabled } = await enableUser(context, email, COMMAND_LINE);
      console.log(`${enabled} is enabled: they can sign in again with their password and authenticator.`);
      return;
    }
    case "reset-user": {
      const { email: reset, enrollmentLink } = await resetUser(context, email, COMMAND_LINE);
      console.log(`${reset}'s password, authenticator and sessions no longer work; earlier enrollment links are void.`);
      console.log(describeLink(enrollmentLink, context.env.TIME_ZONE));
      return;
    }
  }
}

async function main(args: string[]): Promise<void> {
  setLogDestination(process.stderr);
  if (args.length === 0 || args[0] === "help" || args[0] === "--help" || args.includes("--help")) {
    console.log(USAGE);
    return;
  }
  const { command, flags } = parseCommandLine(args);
  const env = getServerEnv();
  const location = storeLocation(env);
  // add-user may start a fresh install: the first admin is made before the site has had a single request, often
  // before the server has ever run. Every other command needs accounts, so a missing database there means a wrong
  // DATA_DIR, and making an empty one would hide that.
  const mayCreate = command === "add-user";
  const newDatabase = mayCreate && location.kind === "sqlite" && !fs.existsSync(location.file);
  const { store, keys } = await openAppointmentData(env, {
    existingOnly: !mayCreate,
    warn: (_event, message) => console.error(`Warning: ${message}`),
  }).catch((error: unknown) => {
    if (!(error instanceof MissingDatabaseError) || location.kind !== "sqlite") throw error;
    throw new StaffAccountError(
      `There is no appointment database at ${location.file}. Check DATA_DIR: it must be the folder the server uses. ` +
        "On a fresh install, make the first admin with add-user: only add-user makes a database.",
    );
  });
  if (newDatabase && location.kind === "sqlite") {
    console.error(
      `Made a new database at ${location.file}: there was none (a fresh install). If the server already runs, ` +
        "check DATA_DIR: it must be the server's, or the link will not work there.",
    );
  }
  if (!process.env.SITE_URL && (command === "add-user" || command === "reset-user")) {
    console.error(`Warning: SITE_URL is not set, so the link points at ${env.SITE_URL}. Set it to the site's public address, as the server has it.`);
  }
  try {
    const auth = createStaffAuth(store.authDatabase, { baseURL: env.SITE_URL, secrets: keys.staffAuth });
    await run({ auth, store, keys, env }, command, flags);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof StaffAccountError) console.error(error.message);
  else console.error(`Error: ${(error as Error).message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
