/**
 * Reading the audit log, for admins: a page of entries newest first (by person, by reference), and the whole log
 * (or the filtered part) as CSV. Writing it stays with `recordAudit` in ./audit.ts; the export itself is an entry.
 */
import { z } from "zod";
import { toCsv } from "@/lib/appointments/csv";
import type { AppointmentStore, AuditEntry } from "@/lib/appointments/store";
import { listUsers } from "./accounts";
import { AUDIT_ACTIONS, COMMAND_LINE_ACTOR_NAME, recordAudit } from "./audit";
import { auditContext, type StaffContext } from "./context";
import { clinicTime } from "./inbox";
import type { SignedInStaff } from "./session";

export const AUDIT_PAGE_SIZE = 50;

/** The person filter's value for the server's command line (its entries have no person's id). */
export const COMMAND_LINE_ACTOR = "command-line";

export type AuditLogEntry = AuditEntry & { id: number };

const referenceFilter = z
  .string()
  .trim()
  .max(20)
  .transform((reference) => {
    const upper = reference.toUpperCase();
    if (!upper) return undefined;
    // "7K2P9QX4" finds MS-7K2P9QX4, as the requests page's search does.
    return upper.startsWith("MS-") ? upper : `MS-${upper}`;
  });

/** The audit page's query (and the export form's fields): anything malformed is ignored, not an error. */
export const auditFilterSchema = z.object({
  actor: z.string().trim().min(1).max(100).optional().catch(undefined),
  reference: referenceFilter.optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type AuditLogFilter = z.infer<typeof auditFilterSchema>;

/** Reads a filter from a page's search params or a posted form: only the first value of each name counts. */
export function parseAuditFilter(read: (name: string) => unknown): AuditLogFilter {
  const first = (name: string) => {
    const value = read(name);
    const one = Array.isArray(value) ? value[0] : value;
    return typeof one === "string" && one !== "" ? one : undefined;
  };
  return auditFilterSchema.parse({ actor: first("actor"), reference: first("reference"), before: first("before") });
}

export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] : action;
}

/** Up to `limit` entries matching the filter, newest first, below `beforeId`. */
function readMatching(store: AppointmentStore, filter: AuditLogFilter, beforeId: number | undefined, limit: number): Promise<AuditLogEntry[]> {
  const byPerson =
    filter.actor === COMMAND_LINE_ACTOR ? { unidentifiedActor: COMMAND_LINE_ACTOR_NAME } : { actorId: filter.actor };
  return store.listAudit({ ...byPerson, reference: filter.reference, beforeId, limit });
}

/** One page of the log, and the id to read older entries from (absent on the last page). */
export async function readAuditPage(
  store: AppointmentStore,
  filter: AuditLogFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditLogEntry[]; olderBeforeId?: number }> {
  const entries = await readMatching(store, filter, filter.before, pageSize + 1);
  if (entries.length <= pageSize) return { entries };
  const page = entries.slice(0, pageSize);
  return { entries: page, olderBeforeId: page.at(-1)!.id };
}

/** Every entry matching the filter (the `before` of a page is ignored: an export is of the whole log). */
export async function readWholeAuditLog(store: AppointmentStore, filter: AuditLogFilter): Promise<AuditLogEntry[]> {
  const all: AuditLogEntry[] = [];
  const batchSize = 1000;
  let cursor: number | undefined;
  for (;;) {
    const batch = await readMatching(store, filter, cursor, batchSize);
    all.push(...batch);
    if (batch.length < batchSize) return all;
    cursor = batch.at(-1)!.id;
  }
}

export const AUDIT_CSV_HEADER = ["time", "who", "what", "action", "reference", "detail", "address hash"] as const;

/** The log as CSV for a spreadsheet: a byte-order mark, times in the clinic's zone, the action in words and as code. */
export function auditCsv(entries: readonly AuditEntry[], timeZone: string): string {
  const rows = entries.map((entry) => [
    clinicTime(entry.at, timeZone, "csv"),
    entry.actorEmail,
    auditActionLabel(entry.action),
    entry.action,
    entry.reference,
    entry.detail,
    entry.ipHash,
  ]);
  return `\uFEFF${toCsv(AUDIT_CSV_HEADER, rows)}`;
}

/** What a filter selects, in words for the export's own audit entry: the person by email, as the log names them. */
async function describeFilter(context: StaffContext, filter: AuditLogFilter): Promise<string> {
  let person: string | undefined;
  if (filter.actor === COMMAND_LINE_ACTOR) person = "the server command line";
  else if (filter.actor) person = (await listUsers(context)).find((user) => user.id === filter.actor)?.email ?? `the account ${filter.actor}`;
  const parts = [person && `by ${person}`, filter.reference && `reference ${filter.reference}`].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** The audit log (or the part a filter selects) as CSV for this admin; the export is itself an entry. */
export async function exportAuditCsv(staff: SignedInStaff, filter: AuditLogFilter): Promise<{ csv: string; count: number }> {
  const { context } = staff;
  const entries = await readWholeAuditLog(context.store, filter);
  await recordAudit(auditContext(context), {
    actor: staff.user,
    action: "audit-export",
    detail: `${entries.length} entr${entries.length === 1 ? "y" : "ies"}${await describeFilter(context, filter)}`,
    clientAddress: staff.clientAddress,
  });
  return { csv: auditCsv(entries, context.env.TIME_ZONE), count: entries.length };
}
