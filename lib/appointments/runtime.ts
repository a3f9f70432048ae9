/**
 * The appointment system of one server process: the store, the key and the outbox worker, created once on
 * first use (or at start, from instrumentation.ts) and shared by every request.
 */
import { getServerEnv, type ServerEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { deriveKeys, type DerivedKeys } from "./crypto";
import { loadMasterKeys } from "./key";
import { createSmtpSender } from "./mailer";
import { OutboxWorker, type OutboxOptions } from "./outbox";
import { openPostgresStore } from "./postgres-store";
import { scheduleRetention } from "./retention";
import { databasePath, openSqliteStore } from "./sqlite-store";
import type { AppointmentStore } from "./store";

export interface AppointmentsRuntime {
  env: ServerEnv;
  store: AppointmentStore;
  keys: DerivedKeys;
  /** Undefined when notifications are off (SMTP_URL or STAFF_NOTIFY_EMAIL unset). */
  outbox: OutboxWorker | undefined;
  /** The daily purge of requests older than RETENTION_DAYS; undefined when it is unset. */
  retention: { stop(): void } | undefined;
}

export interface OpenDataOptions {
  /** The staff tool's way: an existing database and key only, never a new one. */
  existingOnly?: boolean;
  /** Where warnings go; the server logs them, the staff tool prints them to standard error. */
  warn?: (event: string, message: string) => void;
}

/** Which store this environment selects and where it is; commands that only make sense for one kind (`backup`) check it. */
export type StoreLocation = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function storeLocation(env: Pick<ServerEnv, "DATABASE_URL" | "DATA_DIR">): StoreLocation {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "sqlite", file: databasePath(env.DATA_DIR) };
}

/** The store the environment chooses: PostgreSQL with DATABASE_URL, otherwise SQLite in DATA_DIR. */
export function openStore(env: Pick<ServerEnv, "DATABASE_URL" | "DATA_DIR">, { mustExist = false } = {}): Promise<AppointmentStore> {
  const location = storeLocation(env);
  return location.kind === "postgres" ? openPostgresStore(location.url) : openSqliteStore(location.file, { mustExist });
}

/** The store and keys alone: what the staff command-line tool needs, with no worker sending mail. */
export async function openAppointmentData(
  env: ServerEnv,
  { existingOnly = false, warn = (event, message) => logEvent("warn", event, { message }) }: OpenDataOptions = {},
): Promise<Pick<AppointmentsRuntime, "store" | "keys">> {
  // The database first: with no database, there is nothing to decrypt, and no key file is made.
  const store = await openStore(env, { mustExist: existingOnly });
  try {
    const keys = deriveKeys(loadMasterKeys(env, (message) => warn("appointments.generated_key", message), { create: !existingOnly }));
    return { keys, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The store, keys and outbox worker. The worker polls where a process stays up; where none does (a serverless
 * host) its timer simply never fires: the first attempt runs after each response, retries come from
 * /api/outbox/drain.
 */
export async function createAppointmentsRuntime(env: ServerEnv, outboxOptions: Partial<OutboxOptions> = {}): Promise<AppointmentsRuntime> {
  const { keys, store } = await openAppointmentData(env);
  let outbox: OutboxWorker | undefined;
  // MAIL_FROM is checked with the other two in lib/env.ts: it is set whenever they both are.
  if (env.SMTP_URL && env.STAFF_NOTIFY_EMAIL && env.MAIL_FROM) {
    outbox = new OutboxWorker(
      store,
      createSmtpSender({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, to: env.STAFF_NOTIFY_EMAIL }),
      outboxOptions,
    );
    outbox.start();
    logEvent("info", "appointments.notifications_on");
  } else {
    const missing = [!env.SMTP_URL && "SMTP_URL", !env.STAFF_NOTIFY_EMAIL && "STAFF_NOTIFY_EMAIL"].filter(Boolean).join(" and ");
    logEvent("warn", "appointments.notifications_off", {
      message: `${missing} not set: staff notifications are off; requests are still stored and can be read in the staff inbox (/staff) or with npm run requests`,
    });
  }
  const retention = env.RETENTION_DAYS ? scheduleRetention(store, env.RETENTION_DAYS) : undefined;
  return { env, store, keys, outbox, retention };
}

// On globalThis: Next may load this module more than once in one process, and there must be one worker.
const globalRuntime = globalThis as typeof globalThis & { __appointmentsRuntime?: Promise<AppointmentsRuntime> };

export function getAppointmentsRuntime(): Promise<AppointmentsRuntime> {
  const env = getServerEnv();
  globalRuntime.__appointmentsRuntime ??= createAppointmentsRuntime(env, {
    retryBaseMs: env.OUTBOX_RETRY_BASE_MS,
    pollMs: env.OUTBOX_POLL_MS,
    notification: { siteUrl: env.SITE_URL, timeZone: env.TIME_ZONE },
  }).catch((error: unknown) => {
    // A failed start (the database unreachable for a moment) must not stick: the next request tries again.
    globalRuntime.__appointmentsRuntime = undefined;
    throw error;
  });
  return globalRuntime.__appointmentsRuntime;
}
