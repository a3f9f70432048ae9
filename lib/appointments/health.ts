/**
 * What a load balancer or uptime monitor asks of the site: can it store appointment requests, and are staff
 * notifications going out. Counts only: the answer is public and carries no reference or patient detail.
 */
import { errorCode, logEvent } from "@/lib/log";
import type { AppointmentStore } from "./store";

export type HealthReport =
  | { status: "ok"; database: "reachable"; outbox: { pending: number; dead: number } }
  | { status: "unavailable"; database: "unreachable" };

/** 200 with the outbox's figures when the store answers; 503 when it cannot be opened or queried. */
export async function checkHealth(
  openStore: () => Promise<Pick<AppointmentStore, "outboxCounts">>,
): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  try {
    const outbox = await (await openStore()).outboxCounts();
    return { httpStatus: 200, report: { status: "ok", database: "reachable", outbox } };
  } catch (error) {
    logEvent("error", "health.database_unreachable", { error: errorCode(error) });
    return { httpStatus: 503, report: { status: "unavailable", database: "unreachable" } };
  }
}
