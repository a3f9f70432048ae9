/**
 * The appointment system of one server process: the store, the key and the outbox worker, created once on
 * first use (or at start, from instrumentation.ts) and shared by every request.
 */
import { getServerEnv, type ServerEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { deriveKeys } from "./crypto";
import { loadMasterKey } from "./key";
import { createSmtpSender } from "./mailer";
import { OutboxWorker, type OutboxOptions } from "./outbox";
import { openPostgresStore } from "./postgres-store";
import { databasePath, openSqliteStore } from "./sqlite-store";
import type { AppointmentStore } from "./store";

export interface AppointmentsRuntime {
  env: ServerEnv;
  store: AppointmentStore;
  keys: ReturnType<typeof deriveKeys>;
  /** Undefined when notifications are off (SMTP_URL or STAFF_NOTIFY_EMAIL unset). */
  outbox: OutboxWorker | undefined;
}

/** The store the environment chooses: PostgreSQL with DATABASE_URL, otherwise SQLite in DATA_DIR. */
export function openStore(env: Pick<ServerEnv, "DATABASE_URL" | "DATA_DIR">): Promise<AppointmentStore> {
  return env.DATABASE_URL ? openPostgresStore(env.DATABASE_URL) : openSqliteStore(databasePath(env.DATA_DIR));
}

/** The store and keys alone: what the staff command-line tool needs, with no worker sending mail. */
export async function openAppointmentData(env: ServerEnv): Promise<Pick<AppointmentsRuntime, "store" | "keys">> {
  const keys = deriveKeys(loadMasterKey(env, (message) => logEvent("warn", "appointments.generated_key", { message })));
  return { keys, store: await openStore(env) };
}

/**
 * The store, keys and outbox worker. The worker polls where a process stays up; where none does (a serverless
 * host) its timer simply never fires: the first attempt runs after each response, retries come from
 * /api/outbox/drain.
 */
export async function createAppointmentsRuntime(env: ServerEnv, outboxOptions: Partial<OutboxOptions> = {}): Promise<AppointmentsRuntime> {
  const { keys, store } = await openAppointmentData(env);
  let outbox: OutboxWorker | undefined;
  if (env.SMTP_URL && env.STAFF_NOTIFY_EMAIL) {
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
  return { env, store, keys, outbox };
}

// On globalThis: Next may load this module more than once in one process, and there must be one worker.
const globalRuntime = globalThis as typeof globalThis & { __appointmentsRuntime?: Promise<AppointmentsRuntime> };

export function getAppointmentsRuntime(): Promise<AppointmentsRuntime> {
  const env = getServerEnv();
  globalRuntime.__appointmentsRuntime ??= createAppointmentsRuntime(env, {
    retryBaseMs: env.OUTBOX_RETRY_BASE_MS,
    pollMs: env.OUTBOX_POLL_MS,
  }).catch((error: unknown) => {
    // A failed start (the database unreachable for a moment) must not stick: the next request tries again.
    globalRuntime.__appointmentsRuntime = undefined;
    throw error;
  });
  return globalRuntime.__appointmentsRuntime;
}
