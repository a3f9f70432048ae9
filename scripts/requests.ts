/**
 * Staff tool for appointment requests, until a web inbox with accounts exists:
 *   npm run requests -- list | show REF | export --csv FILE | handled REF | purge --older-than DAYS | purge --expired
 *                       | backup [FILE] | keys | rotate-key
 * It decrypts patients' details, so it runs only on the server, by staff. Data goes to standard output, everything
 * else to standard error. `npm run build` compiles it to .next/standalone/requests.mjs (scripts/build-requests-cli.mjs).
 */
import fs from "node:fs";
import path from "node:path";
import { toCsv } from "@/lib/appointments/csv";
import { openRequest, REFERENCE_PATTERN, requestsByKeyId, resealRequest, type OpenedRequest } from "@/lib/appointments/requests";
import type { DerivedKeys } from "@/lib/appointments/crypto";
import { purgeExpiredRequests } from "@/lib/appointments/retention";
import type { AppointmentStore } from "@/lib/appointments/store";
import { openAppointmentData, storeLocation } from "@/lib/appointments/runtime";
import { backupBesideKeyWarning, backupSqliteDatabase, defaultBackupFile } from "@/lib/appointments/sqlite-backup";
import { MissingDatabaseError } from "@/lib/appointments/sqlite-store";
import { BEST_TIMES } from "@/lib/appointments/fields";
import { neutraliseForDisplay } from "@/lib/appointments/safe-text";
import { getServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { createStaffAuth } from "@/lib/staff/auth-config";
import { authenticatorsByKeyId, resealAuthenticators } from "@/lib/staff/key-rotation";
import { FileExistsError, writeNewPrivateFile } from "@/lib/private-file";

const USAGE = `Usage: npm run requests -- <command>
  list                      every request, newest first
  show REF                  one request in full (REF looks like MS-7K3Q9)
  export --csv FILE         every request to a CSV file for a spreadsheet
  handled REF               mark a request as handled
  purge --older-than DAYS   delete requests received more than DAYS days ago
  purge --expired           delete requests older than RETENTION_DAYS (for cron)
  keys                      the keys given, and how many requests each one sealed
  rotate-key                re-seal every request, and the staff's authenticators, under the current key
                            (the first of APPOINTMENTS_KEYS)
  backup [FILE]             a consistent copy of the database, taken while the server runs
                            (default: DATA_DIR/backups/appointments-<time>.sqlite; never the key)`;

class UsageError extends Error {}

/**
 * A patient's text as the terminal shows it: nothing in it may change how the rest of the line displays, and its
 * further lines are indented, so a reason cannot print lines that look like fields ("Phone: …").
 */
const shown = (text: string | null, whenEmpty = "") => (text === null ? whenEmpty : neutraliseForDisplay(text).replace(/\n/g, "\n            "));

const formatTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Chicago" }) : "";

function referenceArgument(value: string | undefined): string {
  const reference = value?.trim().toUpperCase();
  if (!reference || !REFERENCE_PATTERN.test(reference)) throw new UsageError(`Give a reference code like MS-7K3Q9 (got "${value ?? ""}").`);
  return reference;
}

function describe(request: OpenedRequest): string {
  return [
    `Reference:  ${request.reference}`,
    `Received:   ${formatTime(request.createdAt)} (Central)`,
    `Name:       ${shown(request.fullName)}`,
    `Phone:      ${shown(request.phone)}`,
    `Email:      ${shown(request.email, "(none)")}`,
    `Best time:  ${BEST_TIMES[request.bestTime]}`,
    `Reason:     ${shown(request.reason, "(none)")}`,
    `Handled:    ${request.handledAt ? formatTime(request.handledAt) : "not yet"}`,
  ].join("\n");
}

/** Needs no key: the copy holds the sealed values, as the database does. */
async function backup(fileArgument: string | undefined): Promise<void> {
  const env = getServerEnv();
  const location = storeLocation(env);
  if (location.kind !== "sqlite") {
    throw new UsageError(
      "backup copies the SQLite database, and this site stores requests in PostgreSQL: back that up with pg_dump " +
        "(see README, \"Backups and restore\").",
    );
  }
  const file = fileArgument ?? defaultBackupFile(env.DATA_DIR);
  if (!fileArgument) fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const besideKey = backupBesideKeyWarning(file, env.DATA_DIR);
  if (besideKey) console.error(`Warning: ${besideKey}`);
  const { requests, notifications } = await backupSqliteDatabase(location.file, file);
  console.log(`Backed up ${requests} request(s) and ${notifications} notification(s) to ${file} (integrity checked, mode 0600).`);
  console.log("Patients' details in it are encrypted: keep the key (APPOINTMENTS_KEY) safe, and apart from the backup.");
}

/** Rows rewritten per transaction: small enough that the site's own writes never wait long. */
const ROTATION_BATCH = 100;

/** Better Auth on the store, as the server has it: the staff's authenticators are sealed with secrets from the keys. */
function staffAuthOf(store: AppointmentStore, keys: DerivedKeys) {
  return createStaffAuth(store.authDatabase, { baseURL: getServerEnv().SITE_URL, secrets: keys.staffAuth });
}

/** Each key and what it seals; true when the current key seals everything (the others may go). */
async function describeKeys(store: AppointmentStore, keys: DerivedKeys): Promise<boolean> {
  const keyring = keys.encryption;
  const requests = requestsByKeyId(await store.listRequests());
  const authenticators = await authenticatorsByKeyId(staffAuthOf(store, keys), keys);
  const sealed = (id: string) => `${requests.get(id) ?? 0} request(s), ${authenticators.get(id) ?? 0} authenticator(s)`;
  for (const id of keyring.byId.keys()) console.log(`${id}  ${id === keyring.current.id ? "current" : "old    "}  ${sealed(id)}`);
  for (const id of new Set([...requests.keys(), ...authenticators.keys()])) {
    if (!keyring.byId.has(id)) console.log(`${id === "v1" ? "v1 (sealed before key ids)" : `${id}  (not given!)`}  ${sealed(id)}`);
  }
  return [...requests.keys(), ...authenticators.keys()].every((id) => id === keyring.current.id);
}

async function main(args: string[]): Promise<void> {
  // The code's own log lines (JSON) are for the operator, not part of the data: standard error, all of them.
  setLogDestination(process.stderr);
  const [command, ...rest] = args;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return;
  }
  if (command === "backup") {
    await backup(rest[0]);
    return;
  }
  // Data on standard output, everything else on standard error: `list` and `show` can be piped.
  const { store, keys } = await openAppointmentData(getServerEnv(), {
    existingOnly: true,
    warn: (_event, message) => console.error(`Warning: ${message}`),
  });
  try {
    switch (command) {
      case "list": {
        const requests = (await store.listRequests()).map((stored) => openRequest(keys.encryption, stored));
        if (requests.length === 0) console.error("No appointment requests.");
        for (const request of requests) {
          console.log(
            [request.reference, formatTime(request.createdAt), request.handledAt ? "handled" : "NEW", shown(request.fullName), shown(request.phone), BEST_TIMES[request.bestTime]].join("  |  "),
          );
        }
        return;
      }
      case "show": {
        const reference = referenceArgument(rest[0]);
        const stored = await store.findRequest(reference);
        if (!stored) throw new UsageError(`No request has the reference ${reference}.`);
        console.log(describe(openRequest(keys.encryption, stored)));
        return;
      }
      case "export": {
        const file = rest[0] === "--csv" ? rest[1] : undefined;
        if (!file) throw new UsageError("Give the file to write: npm run requests -- export --csv requests.csv");
        const requests = (await store.listRequests()).map((stored) => openRequest(keys.encryption, stored));
        const csv = toCsv(
          ["reference", "received", "name", "phone", "email", "best time", "reason", "handled"],
          requests.map((r) => [r.reference, r.createdAt, r.fullName, r.phone, r.email, BEST_TIMES[r.bestTime], r.reason, r.handledAt]),
        );
        // Health information: a new file, readable by the staff account only.
        writeNewPrivateFile(file, csv);
        console.log(`Wrote ${requests.length} request(s) to ${file}. It holds patients' details: delete it when done.`);
        return;
      }
      case "handled": {
        const reference = referenceArgument(rest[0]);
        if (!(await store.markHandled(reference, new Date().toISOString()))) throw new UsageError(`No request has the reference ${reference}.`);
        console.log(`${reference} is marked as handled.`);
        return;
      }
      case "purge": {
        if (rest[0] === "--expired") {
          const env = getServerEnv();
          if (!env.RETENTION_DAYS) throw new UsageError("RETENTION_DAYS is not set, so requests are kept until staff purge them: nothing expires.");
          const count = await purgeExpiredRequests(store, env.RETENTION_DAYS);
          console.log(`Deleted ${count} request(s) older than ${env.RETENTION_DAYS} days (RETENTION_DAYS).`);
          return;
        }
        const days = rest[0] === "--older-than" ? Number(rest[1]) : NaN;
        if (!Number.isInteger(days) || days < 1) throw new UsageError("Give a whole number of days: npm run requests -- purge --older-than 90");
        const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
        console.log(`Deleted ${await store.purgeRequestsOlderThan(cutoff)} request(s) received before ${formatTime(cutoff)}.`);
        return;
      }
      case "keys": {
        await describeKeys(store, keys);
        return;
      }
      case "rotate-key": {
        const rewritten = await store.resealRequests((stored) => resealRequest(keys.encryption, stored), ROTATION_BATCH);
        console.log(`Re-sealed ${rewritten} request(s) under the current key ${keys.encryption.current.id}.`);
        // And the staff's authenticator keys and recovery codes, or dropping the old key would lock staff out.
        const staff = await resealAuthenticators(staffAuthOf(store, keys));
        console.log(`Re-sealed the authenticator keys and recovery codes of ${staff} staff account(s) under the current key ${keys.encryption.current.id}.`);
        if (await describeKeys(store, keys)) {
          console.log(
            "Every request and authenticator is sealed with the current key: the others may leave APPOINTMENTS_KEYS. " +
              "Keep a copy of each while backups made before now exist: those backups still need it.",
          );
        }
        return;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof FileExistsError || error instanceof MissingDatabaseError) console.error(error.message);
  else console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : `Error: ${(error as Error).message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
