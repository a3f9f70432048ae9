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

/**
 * Which store this environment selects and where it is. Only SQLite so far; the PostgreSQL store adds its case,
 * and commands that only make sense for one kind (`backup`) check it.
 */
export type StoreLocation = { kind: "sqlite"; file: string };

export function storeLocation(env: ServerEnv): StoreLocation {
  return { kind: "sqlite", file: databasePath(env.DATA_DIR) };
}

/** The store and keys alone: what the staff command-line tool needs, with no worker sending mail. */
export function openAppointmentData(
  env: ServerEnv,
  { existingOnly = false, warn = (event, message) => logEvent("warn", event, { message }) }: OpenDataOptions = {},
): Pick<AppointmentsRuntime, "store" | "keys"> {
  // The database first: with no database, there is nothing to decrypt, and no key file is made.
  const store = openSqliteStore(storeLocation(env).file, { mustExist: existingOnly });
  try {
    const keys = deriveKeys(loadMasterKeys(env, (message) => warn("appointments.generated_key", message), { create: !existingOnly }));
    return { keys, store };
  } catch (error) {
    void store.close();
    throw error;
  }
}

export function createAppointmentsRuntime(env: ServerEnv, outboxOptions: Partial<OutboxOptions> = {}): AppointmentsRuntime {
  const { keys, store } = openAppointmentData(env);
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
      message: `${missing} not set: staff notifications are off; requests are still stored and can be read with npm run requests`,
    });
  }
  const retention = env.RETENTION_DAYS ? scheduleRetention(store, env.RETENTION_DAYS) : undefined;
  return { env, store, keys, outbox, retention };
}

// On globalThis: Next may load this module more than once in one process, and there must be one worker.
const globalRuntime = globalThis as typeof globalThis & { __appointmentsRuntime?: AppointmentsRuntime };

export function getAppointmentsRuntime(): AppointmentsRuntime {
  const env = getServerEnv();
  globalRuntime.__appointmentsRuntime ??= createAppointmentsRuntime(env, {
    retryBaseMs: env.OUTBOX_RETRY_BASE_MS,
    pollMs: env.OUTBOX_POLL_MS,
  });
  return globalRuntime.__appointmentsRuntime;
}
