/**
 * Staff accounts from the server's command line, beside the admins' page in the inbox:
 *   npm run staff -- add-user --email E --name N --role admin|staff | list-users | disable-user --email E
 *                    | enable-user --email E | reset-user --email E
 * The first admin is made here, and so is the way back in when every admin is locked out. Each change is in the
 * audit log with the server's command line as its actor. `npm run build` compiles it to .next/standalone/staff.mjs
 * (scripts/build-requests-cli.mjs). It never prints a secret but the enrollment link it was asked for.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import {
  addUser,
  disableUser,
  enableUser,
  ENROLLMENT_HOURS,
  listUsers,
  newStaffUserSchema,
  resetUser,
  StaffAccountError,
  STAFF_ROLES,
  type StaffUserSummary,
} from "@/lib/staff/accounts";
import type { AuditActor } from "@/lib/staff/audit";
import { createStaffAuth } from "@/lib/staff/auth-config";
import type { StaffContext } from "@/lib/staff/context";
import { openAppointmentData, storeLocation } from "@/lib/appointments/runtime";
import { neutraliseForDisplay } from "@/lib/appointments/safe-text";
import { MissingDatabaseError } from "@/lib/appointments/sqlite-store";
import { getServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";

const USAGE = `Usage: npm run staff -- <command>
  add-user --email E --name N --role admin|staff
                          a new account; prints its one-time enrollment link (works once, for ${ENROLLMENT_HOURS} hours)
  list-users              every account: email, name, role, state (active, enrolling or disabled)
  disable-user --email E  the person can no longer sign in; their sessions end at once
  enable-user --email E   undoes disable-user
  reset-user --email E    a new enrollment link; the old password, authenticator and sessions stop working
                          (the way back in for someone who lost their phone, or for an admin locked out)`;

/** Which flags each command takes; every one of them is required. */
const COMMANDS = {
  "add-user": ["email", "name", "role"],
  "list-users": [],
  "disable-user": ["email"],
  "enable-user": ["email"],
  "reset-user": ["email"],
} as const satisfies Record<string, readonly ("email" | "name" | "role")[]>;

type Command = keyof typeof COMMANDS;
type Flags = Partial<Record<"email" | "name" | "role", string>>;

const COMMAND_LINE: AuditActor = { commandLine: true };

class UsageError extends Error {}

function parseCommandLine(args: string[]): { command: Command; flags: Flags } {
  const [command, ...rest] = args;
  if (!command || !(command in COMMANDS)) throw new UsageError(`Unknown command "${command}".`);
  const wanted: readonly string[] = COMMANDS[command as Command];
  let flags: Flags;
  try {
    const options = { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } } as const;
    flags = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's own words ("Unknown option '--mail'", "Option '--email <value>' argument missing") name the flag.
    throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, ".")}`);
  }
  for (const flag of Object.keys(flags)) {
    if (!wanted.includes(flag)) throw new UsageError(`${command} takes no --${flag}.`);
  }
  const missing = wanted.filter((flag) => flags[flag as keyof Flags] === undefined);
  if (missing.length > 0) throw new UsageError(`${command} needs ${missing.map((flag) => `--${flag}`).join(" and ")}.`);
  return { command: command as Command, flags };
}

/** The new person's details as the inbox's form checks them, each message named by its flag. */
function newUserFromFlags(flags: Flags) {
  const parsed = newStaffUserSchema.safeParse(flags);
  if (parsed.success) return parsed.data;
  throw new UsageError(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n"));
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
  const rows = users.map((user) => [user.email, neutraliseForDisplay(user.name), user.role, user.state]);
  const header = ["EMAIL", "NAME", "ROLE", "STATE"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

async function run(context: StaffContext, command: Command, flags: Flags): Promise<void> {
  const email = flags.email ?? "";
  switch (command) {
    case "add-user": {
      const input = newUserFromFlags(flags);
      const { user, enrollmentLink } = await addUser(context, input, COMMAND_LINE);
      console.log(`Added ${neutraliseForDisplay(user.name)} <${user.email}> as ${STAFF_ROLES[user.role].toLowerCase()}.`);
      console.log(describeLink(enrollmentLink, context.env.TIME_ZONE));
      return;
    }
    case "list-users": {
      const users = await listUsers(context);
      if (users.length === 0) console.error("No staff accounts yet: make the first admin with add-user --role admin.");
      else console.log(describeUsers(users));
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
