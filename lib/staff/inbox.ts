/**
 * The inbox's work on requests: list and search, open one (decrypted on the server, for the signed-in person, and
 * audited), change its status with a note, export and purge. Every function takes the signed-in person and writes
 * the audit entry itself, so no page can show a patient's details without the log knowing; and none opens a
 * patient's details for a visit from another website (`fromOwnPages`, ./session.ts), so no other site can make
 * the log say someone looked.
 */
import { z } from "zod";
import { toCsv } from "@/lib/appointments/csv";
import { decryptField, encryptField } from "@/lib/appointments/crypto";
import { BEST_TIMES } from "@/lib/appointments/fields";
import { openRequest, type OpenedRequest } from "@/lib/appointments/requests";
import { REQUEST_STATUSES, STATUS_NOTE_MAX_LENGTH, type InboxRequest, type RequestStatus } from "@/lib/appointments/store";
import { recordAudit } from "./audit";
import { auditContext, timeNow } from "./context";
import type { SignedInStaff } from "./session";

/** A row of the list: no patient detail beyond what the front desk needs to pick the next call. */
export interface InboxRow {
  reference: string;
  createdAt: string;
  /** When it came in, in the clinic's time zone, as the list shows it. */
  received: string;
  bestTime: InboxRequest["bestTime"];
  status: RequestStatus;
  statusChangedAt: string | null;
  statusChangedByName: string | null;
}

const REFERENCE_PATTERN = /^MS-[A-Z0-9]{4,12}$/;

/** Whether the text has the shape of a request's reference (it may still name no request). */
export function isRequestReference(text: string): boolean {
  return REFERENCE_PATTERN.test(text);
}

export const inboxFilterSchema = z.object({
  status: z.enum(Object.keys(REQUEST_STATUSES) as [RequestStatus, ...RequestStatus[]]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export type InboxFilter = z.infer<typeof inboxFilterSchema>;

function toRow(request: InboxRequest, timeZone: string): InboxRow {
  const { reference, createdAt, bestTime, status, statusChangedAt, statusChangedByName } = request;
  return { reference, createdAt, received: clinicTime(createdAt, timeZone), bestTime, status, statusChangedAt, statusChangedByName };
}

/** Code that would open a patient's details for a visit from another website: the page must check `fromOwnPages` first. */
export class VisitFromElsewhereError extends Error {
  constructor() {
    super("A visit from another website must not open patients' details nor write the audit log: check staff.fromOwnPages first.");
  }
}

function mustComeFromOwnPages(staff: SignedInStaff): void {
  if (!staff.fromOwnPages) throw new VisitFromElsewhereError();
}

/** Letters compared without case or accents: "jose" finds "José". */
function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A name search needs this many letters: fewer would list most requests, and let anyone spell names out letter by letter. */
export const MIN_NAME_SEARCH = 3;

export interface InboxList {
  rows: InboxRow[];
  /** The search was too short to run (a name needs MIN_NAME_SEARCH letters). */
  searchTooShort?: boolean;
}

/** Every request, newest first: references and times only, nothing decrypted, nothing to audit. */
export async function listInbox(staff: SignedInStaff): Promise<InboxRow[]> {
  const requests = await staff.context.store.listInbox({});
  return requests.map((request) => toRow(request, staff.context.env.TIME_ZONE));
}

/**
 * Requests newest first, filtered by status and by a search for a reference or part of a name: the inbox's search
 * form, a post (app/staff/requests/actions.ts), so a name never sits in an address, a browser's history or a
 * server's log. Names are stored encrypted, so a search by name opens each name on the server, in memory, and
 * shows only references. A search by name is a look at patients' names: it is in the audit log, with the
 * references it found (never the words typed).
 */
export async function searchInbox(staff: SignedInStaff, filter: InboxFilter): Promise<InboxList> {
  mustComeFromOwnPages(staff);
  const { context } = staff;
  const requests = await context.store.listInbox({ status: filter.status });
  const row = (request: InboxRequest) => toRow(request, context.env.TIME_ZONE);
  const query = filter.q?.trim();
  if (!query) return { rows: requests.map(row) };
  const upper = query.toUpperCase();
  if (REFERENCE_PATTERN.test(upper) || /^[A-Z0-9]{4,12}$/.test(upper)) {
    const byReference = requests.filter((request) => request.reference === upper || request.reference === `MS-${upper}`);
    if (byReference.length > 0) return { rows: byReference.map(row) };
  }
  const needle = foldForSearch(query);
  if ([...needle.replace(/[^\p{L}]/gu, "")].length < MIN_NAME_SEARCH) return { rows: [], searchTooShort: true };
  const found = requests.filter((request) => foldForSearch(decryptField(context.keys.encryption, request.fullNameSealed, request.id)).includes(needle));
  const shown = found.slice(0, 10).map((request) => request.reference);
  await recordAudit(auditContext(context), {
    actor: staff.user,
    action: "requests-search",
    detail: `${found.length} found${shown.length ? `: ${shown.join(", ")}${found.length > shown.length ? ", …" : ""}` : ""}`,
    clientAddress: staff.clientAddress,
  });
  return { rows: found.map(row) };
}

export interface RequestDetails extends OpenedRequest {
  status: RequestStatus;
  history: { status: RequestStatus; note: string | null; changedAt: string; changedByName: string }[];
}

/** One request, opened for this person; the view is in the audit log. Undefined when there is no such reference. */
export async function openRequestFor(staff: SignedInStaff, reference: string): Promise<RequestDetails | undefined> {
  mustComeFromOwnPages(staff);
  const { context } = staff;
  if (!REFERENCE_PATTERN.test(reference)) return undefined;
  const stored = await context.store.findInboxRequest(reference);
  if (!stored) return undefined;
  await recordAudit(auditContext(context), { actor: staff.user, action: "request-view", reference, clientAddress: staff.clientAddress });
  const history = (await context.store.statusHistory(stored.id)).map((change) => ({
    status: change.status,
    note: change.noteSealed === null ? null : decryptField(context.keys.encryption, change.noteSealed, stored.id),
    changedAt: change.changedAt,
    changedByName: change.changedByName,
  }));
  return { ...openRequest(context.keys.encryption, stored), status: stored.status, history };
}

export const statusChangeSchema = z.object({
  reference: z.string().regex(REFERENCE_PATTERN, { error: "That is not a request reference." }),
  status: z.enum(Object.keys(REQUEST_STATUSES) as [RequestStatus, ...RequestStatus[]], { error: "Choose a status." }),
  note: z
    .string()
    .trim()
    .max(STATUS_NOTE_MAX_LENGTH, { error: `Keep the note to ${STATUS_NOTE_MAX_LENGTH.toLocaleString("en-US")} characters or fewer.` })
    .optional()
    .transform((note) => note || undefined),
});

export type StatusChangeInput = z.input<typeof statusChangeSchema>;

/** Sets the status, with the note sealed like the patient's details; false when the request is gone (purged). */
export async function changeRequestStatus(staff: SignedInStaff, input: z.output<typeof statusChangeSchema>): Promise<boolean> {
  mustComeFromOwnPages(staff);
  const { context } = staff;
  const stored = await context.store.findInboxRequest(input.reference);
  if (!stored) return false;
  const changed = await context.store.changeStatus(stored.id, {
    status: input.status,
    noteSealed: input.note === undefined ? null : encryptField(context.keys.encryption, input.note, stored.id),
    changedAt: timeNow(context).toISOString(),
    changedBy: staff.user.id,
  });
  if (changed) {
    await recordAudit(auditContext(context), {
      actor: staff.user,
      action: "request-status",
      reference: input.reference,
      detail: `${REQUEST_STATUSES[input.status]}${input.note ? " (with a note)" : ""}`,
      clientAddress: staff.clientAddress,
    });
  }
  return changed;
}

/** A time as the clinic reads it: its own time zone (TIME_ZONE), with the zone's abbreviation. */
export function clinicTime(iso: string, timeZone: string, style: "short" | "csv" = "short"): string {
  const date = new Date(iso);
  if (style === "csv") {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZoneName: "short",
      })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
  }
  // Spelled part by part: Intl refuses a zone name beside dateStyle/timeStyle.
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** Every request as CSV for a spreadsheet: a byte-order mark (so Excel reads the accents), times in the clinic's zone. */
export async function exportRequestsCsv(staff: SignedInStaff): Promise<{ csv: string; count: number }> {
  mustComeFromOwnPages(staff);
  const { context } = staff;
  const requests = await context.store.listInbox({});
  const timeZone = context.env.TIME_ZONE;
  const rows = requests.map((stored) => {
    const request = openRequest(context.keys.encryption, stored);
    return [
      request.reference,
      clinicTime(request.createdAt, timeZone, "csv"),
      request.fullName,
      request.phone,
      request.email,
      BEST_TIMES[request.bestTime],
      request.reason,
      REQUEST_STATUSES[stored.status],
      stored.statusChangedAt && clinicTime(stored.statusChangedAt, timeZone, "csv"),
      stored.statusChangedByName,
    ];
  });
  await recordAudit(auditContext(context), {
    actor: staff.user,
    action: "requests-export",
    detail: `${rows.length} request(s)`,
    clientAddress: staff.clientAddress,
  });
  const header = ["reference", "received", "name", "phone", "email", "best time", "reason", "status", "status changed", "changed by"];
  return { csv: `\uFEFF${toCsv(header, rows)}`, count: rows.length };
}

export const purgeSchema = z.object({
  olderThanDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int({ error: "Enter a whole number of days." })
    .min(1, { error: "Enter at least 1 day." })
    .max(36500, { error: "Enter 36,500 days or fewer." }),
  confirm: z.literal("DELETE", { error: 'Type DELETE in capital letters to confirm.' }),
});

/** Deletes requests received more than `olderThanDays` ago, with their history; their audit entries stay. */
export async function purgeRequests(staff: SignedInStaff, olderThanDays: number): Promise<number> {
  mustComeFromOwnPages(staff);
  const { context } = staff;
  const now = timeNow(context);
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000).toISOString();
  const count = await context.store.purgeRequestsOlderThan(cutoff);
  await recordAudit(auditContext(context), {
    actor: staff.user,
    action: "requests-purge",
    detail: `${count} request(s) received more than ${olderThanDays} day(s) ago`,
    clientAddress: staff.clientAddress,
  });
  return count;
}
