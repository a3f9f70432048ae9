/**
 * RETENTION_DAYS: requests older than that are deleted, with their notification rows, by the running server
 * (at start, then once a day) or by `npm run requests -- purge --expired` from cron where no server runs for long.
 * The log says how many, never which.
 */
import { errorCode, logEvent } from "@/lib/log";
import type { AppointmentStore } from "./store";

const DAY_MS = 86_400_000;

export async function purgeExpiredRequests(
  store: Pick<AppointmentStore, "purgeRequestsOlderThan">,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const count = await store.purgeRequestsOlderThan(cutoff);
  logEvent("info", "appointments.retention_purged", { count, retentionDays });
  return count;
}

/** Purges now and then every `intervalMs`; never keeps a process alive on its own. */
export function scheduleRetention(
  store: Pick<AppointmentStore, "purgeRequestsOlderThan">,
  retentionDays: number,
  intervalMs = DAY_MS,
): { stop(): void } {
  const run = () =>
    purgeExpiredRequests(store, retentionDays).catch((error) => logEvent("error", "appointments.retention_failed", { error: errorCode(error) }));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
