// @vitest-environment node
/**
 * The audit page's reading of the log on a real store (SQLite): pages of entries newest first, the filters by
 * person, by the server's command line and by reference, the whole log for the export, and the export's own entry.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { AppointmentStore } from "@/lib/appointments/store";
import { recordAudit, type AuditActor } from "@/lib/staff/audit";
import { COMMAND_LINE_ACTOR, exportAuditCsv, readAuditPage, readWholeAuditLog } from "@/lib/staff/audit-log";
import { auditContext } from "@/lib/staff/context";
import type { SignedInStaff } from "@/lib/staff/session";
import { testStaffContext } from "@/tests/support/staff";
import { openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ANA = { id: "user-ana", email: "ana@clinic.example" };
const BO = { id: "user-bo", email: "bo@clinic.example" };
const COMMAND_LINE: AuditActor = { commandLine: true };

async function storeWithLog(actors: AuditActor[]): Promise<{ store: AppointmentStore; staff: SignedInStaff }> {
  const store = await openTestSqliteStore(cleanups);
  const context = testStaffContext(store);
  for (const [index, actor] of actors.entries()) {
    await recordAudit(auditContext(context), { actor, action: "request-view", reference: `MS-${String(index % 3).padStart(4, "0")}`, detail: `#${index}` });
  }
  const staff: SignedInStaff = { context, user: { ...ANA, name: "Ana", role: "admin", abilities: ["edit", "review", "admin"] }, clientAddress: "203.0.113.9", fromOwnPages: true };
  return { store, staff };
}

const details = (entries: { detail: string | null }[]) => entries.map((entry) => entry.detail);

describe("reading the audit log", () => {
  it("pages newest first: each page says where the older entries start, the last says nothing", async () => {
    const { store } = await storeWithLog(Array.from({ length: 7 }, (_, index) => (index % 2 ? ANA : BO)));
    const first = await readAuditPage(store, {}, 3);
    expect(details(first.entries)).toEqual(["#6", "#5", "#4"]);
    const second = await readAuditPage(store, { before: first.olderBeforeId }, 3);
    expect(details(second.entries)).toEqual(["#3", "#2", "#1"]);
    const last = await readAuditPage(store, { before: second.olderBeforeId }, 3);
    expect(details(last.entries)).toEqual(["#0"]);
    expect(last.olderBeforeId).toBeUndefined();
    // Exactly a page's worth left: no link to an empty page.
    expect((await readAuditPage(store, { before: first.olderBeforeId }, 4)).olderBeforeId).toBeUndefined();
  });

  it("filters by person, by the server's command line (across batches) and by reference", async () => {
    // 1,200 entries: the command line's are found beyond the first batch the filter reads.
    const actors: AuditActor[] = Array.from({ length: 1200 }, (_, index) => (index === 3 || index === 1100 ? COMMAND_LINE : index % 2 ? ANA : BO));
    const { store } = await storeWithLog(actors);
    expect(details((await readAuditPage(store, { actor: COMMAND_LINE_ACTOR }, 50)).entries)).toEqual(["#1100", "#3"]);
    const firstOfCommandLine = await readAuditPage(store, { actor: COMMAND_LINE_ACTOR }, 1);
    expect(details(firstOfCommandLine.entries)).toEqual(["#1100"]);
    expect(details((await readAuditPage(store, { actor: COMMAND_LINE_ACTOR, before: firstOfCommandLine.olderBeforeId }, 1)).entries)).toEqual(["#3"]);
    const ana = await readAuditPage(store, { actor: ANA.id }, 5);
    expect(ana.entries.every((entry) => entry.actorEmail === ANA.email)).toBe(true);
    expect(details(ana.entries)).toEqual(["#1199", "#1197", "#1195", "#1193", "#1191"]);
    const byReference = await readAuditPage(store, { actor: COMMAND_LINE_ACTOR, reference: "MS-0000" }, 50);
    expect(details(byReference.entries)).toEqual(["#3"]);
    expect((await readWholeAuditLog(store, {})).length).toBe(1200);
    expect((await readWholeAuditLog(store, { actor: BO.id, before: 5 })).length).toBe(599);
  });

  it("exports the log as CSV and records the export, with its count and filter, as the admin who made it", async () => {
    const { store, staff } = await storeWithLog([ANA, COMMAND_LINE, BO]);
    const { csv, count } = await exportAuditCsv(staff, { reference: "MS-0001" });
    expect(count).toBe(1);
    expect(csv.startsWith("\uFEFFtime,who,")).toBe(true);
    expect(csv).toContain("(server command line),Viewed a request,request-view,MS-0001,#1,");
    const [newest] = await store.listAudit({ limit: 1 });
    expect(newest).toMatchObject({ action: "audit-export", actorId: ANA.id, actorEmail: ANA.email, detail: "1 entry (reference MS-0001)" });
    expect(newest!.ipHash).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await exportAuditCsv(staff, { actor: COMMAND_LINE_ACTOR });
    expect((await store.listAudit({ limit: 1 }))[0]!.detail).toBe("1 entry (by the server command line)");
  });
});
