/**
 * What a load balancer or uptime monitor asks of the site: can it store an appointment request now? The check
 * writes the heartbeat row, committed, as a request is stored; a read (or a write rolled back, which SQLite never
 * puts on disk) answers yes on a read-only database or a full disk, where every request fails.
 *
 * Anyone gets "ok" or "unavailable" only. Why, and the outbox's figures, are for the operator's monitor holding
 * OUTBOX_DRAIN_TOKEN (app/api/health/route.ts); the log says why too. Never a reference, a patient's detail or a path.
 */
import { errorCode, logEvent } from "@/lib/log";
import type { AppointmentStore } from "./store";

/**
 * How long one answer is kept. A monitor may poll every second or two, several may poll, and the endpoint is
 * public: without this, each poll is a write the disk syncs (synchronous=FULL) and that waits for the write lock
 * a patient's request needs. Two seconds bound that to one write per two seconds per server, and a change (the
 * disk filling, then freed) shows within two seconds, sooner than any monitor would act on it.
 */
export const HEALTH_CACHE_MS = 2_000;

/** Why requests cannot be stored, as a code: for the operator's monitor and the log. */
export type StorageProblem = "disk_full" | "read_only" | "database_busy" | "database_unreachable" | "write_failed";

export type HealthReport = { status: "ok"; canStoreRequests: true } | { status: "unavailable"; canStoreRequests: false };

/** The token holder's answer: why not, and the outbox's counts when the store can still read them. */
export type HealthDetails = HealthReport & { reason?: StorageProblem; outbox?: Awaited<ReturnType<AppointmentStore["outboxCounts"]>> };

export interface HealthAnswer {
  httpStatus: 200 | 503;
  report: HealthReport | HealthDetails;
}

type HealthStore = Pick<AppointmentStore, "recordHeartbeat" | "outboxCounts">;

const SQLITE_PROBLEMS: [RegExp, StorageProblem][] = [
  [/^SQLITE_FULL/, "disk_full"],
  [/^SQLITE_READONLY/, "read_only"],
  [/^SQLITE_(BUSY|LOCKED)/, "database_busy"],
  [/^SQLITE_(CANTOPEN|NOTADB|CORRUPT)/, "database_unreachable"],
];

// PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html) and Node's own.
const CODE_PROBLEMS: Record<string, StorageProblem> = {
  "53100": "disk_full",
  ENOSPC: "disk_full",
  "25006": "read_only",
  EROFS: "read_only",
  EACCES: "read_only",
  "53300": "database_busy",
  "55P03": "database_busy",
  "57P01": "database_unreachable",
  "57P02": "database_unreachable",
  "57P03": "database_unreachable",
  "3D000": "database_unreachable",
  "28P01": "database_unreachable",
  ECONNREFUSED: "database_unreachable",
  ENOTFOUND: "database_unreachable",
  ETIMEDOUT: "database_unreachable",
  ECONNRESET: "database_unreachable",
};

function storageProblem(error: unknown, otherwise: StorageProblem): StorageProblem {
  const code = errorCode(error);
  const sqlite = SQLITE_PROBLEMS.find(([pattern]) => pattern.test(code));
  if (sqlite) return sqlite[1];
  if (/^08/.test(code)) return "database_unreachable"; // PostgreSQL's connection exceptions
  return CODE_PROBLEMS[code] ?? otherwise;
}

interface Probe {
  store: HealthStore | undefined;
  problem: StorageProblem | undefined;
}

/**
 * The health check: `check({ detailed })` answers 200 when the heartbeat could be written, 503 otherwise. One
 * probe at a time, its answer kept for `cacheMs` (see HEALTH_CACHE_MS); the outbox's counts, for a detailed
 * answer only, are read fresh.
 */
export function createHealthCheck(
  openStore: () => Promise<HealthStore>,
  { cacheMs = HEALTH_CACHE_MS, now = Date.now }: { cacheMs?: number; now?: () => number } = {},
): (options: { detailed: boolean }) => Promise<HealthAnswer> {
  let last: { at: number; probe: Promise<Probe> } | undefined;

  async function probe(): Promise<Probe> {
    let store: HealthStore | undefined;
    try {
      store = await openStore();
      await store.recordHeartbeat(new Date(now()).toISOString());
      return { store, problem: undefined };
    } catch (error) {
      const problem = storageProblem(error, store ? "write_failed" : "database_unreachable");
      logEvent("error", "health.cannot_store_requests", { problem, error: errorCode(error) });
      return { store, problem };
    }
  }

  return async ({ detailed }) => {
    if (!last || now() - last.at >= cacheMs) last = { at: now(), probe: probe() };
    const { store, problem } = await last.probe;
    const report: HealthReport = problem ? { status: "unavailable", canStoreRequests: false } : { status: "ok", canStoreRequests: true };
    const httpStatus = problem ? 503 : 200;
    if (!detailed) return { httpStatus, report };
    // A store that cannot write may still read: the counts say what is waiting meanwhile.
    const outbox = store && (await store.outboxCounts().catch(() => undefined));
    return { httpStatus, report: { ...report, ...(problem && { reason: problem }), ...(outbox && { outbox }) } };
  };
}
