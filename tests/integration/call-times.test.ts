// @vitest-environment node
/**
 * The call times the form offers are the clinic's (`callTimes` in content/clinic.yaml): the server refuses any
 * other at the field, storing nothing, and a request stored before the clinic changed its times stays readable
 * in the inbox. On SQLite and PostgreSQL, as in production.
 */
import { afterEach, describe, expect, it } from "vitest";
import { offeredBestTimes } from "@/lib/appointments/fields";
import type { AppointmentStore } from "@/lib/appointments/store";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { exportRequestsCsv, openRequestFor } from "@/lib/staff/inbox";
import type { SignedInStaff } from "@/lib/staff/session";
import { parseClinicFacts } from "@/lib/site";
import { insertStaffUser, testStaffContext } from "@/tests/support/staff";
import { openTestPostgresStore, openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const PATIENT = { fullName: "Oriel Calltime-Testperson", phone: "(501) 555-0166", bestTime: "evening", reason: "Legs tire on walks", acknowledged: "on" };

/** A clinic that calls in the mornings and afternoons only (a made-up fixture). */
const DAYTIME_CLINIC = parseClinicFacts("name: Test Clinic\nphone: 501.224.4001\ncallTimes: [morning, afternoon]\n");

async function frontDesk(store: AppointmentStore): Promise<SignedInStaff> {
  const context = testStaffContext(store);
  const id = await insertStaffUser(context.auth, { name: "Ana Front-Desk", email: "ana@clinic.example" });
  return { context, user: { id, email: "ana@clinic.example", name: "Ana Front-Desk", role: "admin", abilities: ["edit", "review", "admin"] }, clientAddress: "203.0.113.20", fromOwnPages: true };
}

describe.each([
  ["SQLite", () => openTestSqliteStore(cleanups)],
  ["PostgreSQL", async () => (await openTestPostgresStore(cleanups, "call_times")).store],
])("call times on %s", (_name, openStore) => {
  it("refuses a time the clinic does not offer, at its field, storing nothing; an older request's time stays readable", async () => {
    setLogDestination({ write: () => undefined });
    cleanups.push(() => setLogDestination(undefined));
    const staff = await frontDesk(await openStore());
    const { store, keys } = staff.context;
    const runtime = { store, keys, env: parseServerEnv({ DATA_DIR: "/nowhere" }), outbox: undefined };

    // Sent while the clinic still called in the evening (it had not said which times: every one is offered).
    const before = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "192.0.2.60", offeredTimes: offeredBestTimes(undefined) });
    expect(before.status).toBe("received");

    const refused = await submitAppointmentRequest(runtime, { ...PATIENT, reason: "Sent after the change" }, {
      clientAddress: "192.0.2.61",
      offeredTimes: offeredBestTimes(DAYTIME_CLINIC.callTimes),
    });
    expect(refused).toEqual({
      status: "invalid",
      fieldErrors: { bestTime: '"Evening" is not a time we call. Please choose Morning, Afternoon or Any time' },
    });
    expect(await store.listInbox({})).toHaveLength(1);

    const older = await openRequestFor(staff, (before as { reference: string }).reference);
    expect(older).toMatchObject({ fullName: PATIENT.fullName, bestTime: "evening" });
    expect((await exportRequestsCsv(staff)).csv).toContain("Evening");
  });
});
