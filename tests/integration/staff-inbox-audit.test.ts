// @vitest-environment node
/**
 * The inbox's work on a request, on SQLite and PostgreSQL: opening it, setting its status with a note, exporting
 * and purging each leave an audit entry naming the person and the reference, and never a detail of the patient
 * (a unique name, phone, email, reason and note are looked for in the whole log).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { AppointmentStore } from "@/lib/appointments/store";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { changeRequestStatus, exportRequestsCsv, openRequestFor, purgeRequests } from "@/lib/staff/inbox";
import type { SignedInStaff } from "@/lib/staff/session";
import { insertStaffUser, testStaffContext } from "@/tests/support/staff";
import { formulaCells } from "@/tests/support/spreadsheet";
import { openTestPostgresStore, openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const PATIENT = {
  fullName: "Zebulon Quartermaine-Audittest",
  phone: "(501) 555-0173",
  email: "zebulon.q@example.com",
  bestTime: "morning",
  // Where a spreadsheet splits lines at ";" (much of Europe), the text after it would be a cell of its own.
  reason: "Numbness in my left calf after the bakery;=HYPERLINK(\"http://evil.example\");",
  acknowledged: "on",
};
const NOTE = "Left a voicemail about Zebulon's calf";
const PATIENT_DETAILS = [PATIENT.fullName, "Zebulon", "Quartermaine", "5015550173", "555-0173", PATIENT.email, PATIENT.reason, "bakery", NOTE, "voicemail"];

async function frontDesk(store: AppointmentStore, now: () => Date): Promise<SignedInStaff> {
  const context = testStaffContext(store, { now });
  const id = await insertStaffUser(context.auth, { name: "Ana Front-Desk", email: "ana@clinic.example" });
  return { context, user: { id, email: "ana@clinic.example", name: "Ana Front-Desk", role: "admin", abilities: ["edit", "review", "admin"] }, clientAddress: "203.0.113.20", fromOwnPages: true };
}

describe.each([
  ["SQLite", () => openTestSqliteStore(cleanups)],
  ["PostgreSQL", async () => (await openTestPostgresStore(cleanups, "inbox_audit")).store],
])("the inbox's actions on %s", (_name, openStore) => {
  it("audit the person and the reference of each view, status change, export and purge, and no patient detail", async () => {
    setLogDestination({ write: () => undefined });
    cleanups.push(() => setLogDestination(undefined));
    let clock = Date.now();
    const staff = await frontDesk(await openStore(), () => new Date(clock));
    const { store, keys } = staff.context;
    const submitted = await submitAppointmentRequest(
      { store, keys, env: parseServerEnv({ DATA_DIR: "/nowhere" }), outbox: undefined },
      PATIENT,
      { clientAddress: "192.0.2.50" },
    );
    const { reference } = submitted as { reference: string };

    const opened = await openRequestFor(staff, reference);
    expect(opened).toMatchObject({ reference, fullName: PATIENT.fullName, status: "new", history: [] });
    expect(await changeRequestStatus(staff, { reference, status: "no_answer", note: NOTE })).toBe(true);
    expect((await openRequestFor(staff, reference))?.history).toEqual([
      { status: "no_answer", note: NOTE, changedAt: expect.any(String), changedByName: "Ana Front-Desk" },
    ]);
    const { csv, count } = await exportRequestsCsv(staff);
    expect(count).toBe(1);
    expect(csv).toContain(PATIENT.fullName);
    expect(formulaCells(csv)).toEqual([]);
    clock += 2 * 86_400_000;
    expect(await purgeRequests(staff, 1)).toBe(1);
    expect(await openRequestFor(staff, reference)).toBeUndefined();

    const entries = (await store.listAudit({ limit: 50 })).reverse();
    expect(entries.map((entry) => [entry.action, entry.reference])).toEqual([
      ["request-view", reference],
      ["request-status", reference],
      ["request-view", reference],
      ["requests-export", null],
      ["requests-purge", null],
    ]);
    for (const entry of entries) expect(entry).toMatchObject({ actorId: staff.user.id, actorEmail: "ana@clinic.example", ipHash: expect.any(String) });
    expect(entries[1]!.detail).toBe("Called – no answer (with a note)");
    const log = JSON.stringify(entries);
    for (const detail of [...PATIENT_DETAILS, "203.0.113.20"]) expect(log).not.toContain(detail);
  });
});
