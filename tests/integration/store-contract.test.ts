// @vitest-environment node
/**
 * One contract, two stores: every behaviour the form, the outbox and the staff tools rely on, run unchanged
 * against SQLite (a file) and PostgreSQL (a real server, scripts/lib/throwaway-postgres.ts). No mocks of the database.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, describe, expect, inject, it, onTestFinished } from "vitest";
import { openPostgresStore } from "@/lib/appointments/postgres-store";
import { newReference } from "@/lib/appointments/requests";
import { setLogDestination } from "@/lib/log";
import { DuplicateReferenceError, type AppointmentStore, type AuditEntry, type StoredRequest } from "@/lib/appointments/store";
import { testStaffContext, insertStaffUser } from "@/tests/support/staff";
import { openTestPostgresStore, openTestSqliteStore } from "@/tests/support/test-stores";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type OpenStore = () => Promise<AppointmentStore>;

const sqlite: OpenStore = () => openTestSqliteStore(cleanups);

/** A fresh database per test; `openAgain` opens a second store on it, as a second server would. */
let lastPostgresUrl = "";
const postgres: OpenStore = async () => {
  const { store, url } = await openTestPostgresStore(cleanups, "contract");
  lastPostgresUrl = url;
  return store;
};

function request(createdAt: string, overrides: Partial<StoredRequest> = {}): StoredRequest {
  return {
    id: randomUUID(),
    reference: newReference(),
    createdAt,
    bestTime: "morning",
    fullNameSealed: "v1.sealed-name",
    phoneSealed: "v1.sealed-phone",
    emailSealed: null,
    reasonSealed: null,
    handledAt: null,
    ...overrides,
  };
}

const fingerprint = (value: string, duplicateSinceIso = "2000-01-01T00:00:00.000Z") => ({ fingerprint: value, duplicateSinceIso });

const STORES: [string, OpenStore][] = [
  ["SQLite", sqlite],
  ["PostgreSQL", postgres],
];

describe.each(STORES)("the %s store", (_name, open) => {
  it("stores a request with its notification, lists newest first, finds, marks handled and purges by age", async () => {
    const store = await open();
    const older = request("2026-11-01T10:00:00.000Z");
    const newer = request("2026-11-20T10:00:00.000Z", { emailSealed: "v1.sealed-email" });
    expect(await store.insertRequestWithNotification(older, "<a@test>", fingerprint("a"))).toEqual({ reference: older.reference, duplicate: false });
    await store.insertRequestWithNotification(newer, "<b@test>", fingerprint("b"));

    expect((await store.listRequests()).map((stored) => stored.reference)).toEqual([newer.reference, older.reference]);
    expect(await store.findRequest(newer.reference)).toEqual(newer);
    expect(await store.findRequest("MS-ZZZZZ")).toBeUndefined();
    expect(await store.notificationStatus(older.reference)).toEqual({ status: "pending", attempts: 0 });

    expect(await store.markHandled(older.reference, "2026-11-21T09:00:00.000Z")).toBe(true);
    expect(await store.markHandled("MS-ZZZZZ", "2026-11-21T09:00:00.000Z")).toBe(false);
    expect((await store.findRequest(older.reference))?.handledAt).toBe("2026-11-21T09:00:00.000Z");

    expect(await store.purgeRequestsOlderThan("2026-11-10T00:00:00.000Z")).toBe(1);
    expect((await store.listRequests()).map((stored) => stored.reference)).toEqual([newer.reference]);
    // The purged request's notification goes with it.
    expect(await store.notificationStatus(older.reference)).toBeUndefined();
  });

  it("refuses a reference that is taken, so the caller draws another, and keeps nothing of the attempt", async () => {
    const store = await open();
    const first = request("2026-11-01T10:00:00.000Z");
    await store.insertRequestWithNotification(first, "<first@test>", fingerprint("first"));
    const clash = request("2026-11-01T10:01:00.000Z", { reference: first.reference });
    await expect(store.insertRequestWithNotification(clash, "<clash@test>", fingerprint("clash"))).rejects.toBeInstanceOf(DuplicateReferenceError);
    expect(await store.listRequests()).toHaveLength(1);
  });

  it("answers the same details within the window with the first reference, also when both arrive at once", async () => {
    const store = await open();
    const since = "2026-11-01T09:50:00.000Z";
    const first = request("2026-11-01T10:00:00.000Z");
    await store.insertRequestWithNotification(first, "<1@test>", fingerprint("same", since));
    expect(await store.findRecentSubmission("same", since)).toBe(first.reference);
    expect(await store.findRecentSubmission("same", "2026-11-01T10:00:00.001Z")).toBeUndefined();
    expect(await store.insertRequestWithNotification(request("2026-11-01T10:01:00.000Z"), "<2@test>", fingerprint("same", since))).toEqual({
      reference: first.reference,
      duplicate: true,
    });

    const atOnce = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        store.insertRequestWithNotification(request("2026-11-01T10:02:00.000Z"), `<race-${index}@test>`, fingerprint("race", since)),
      ),
    );
    expect(atOnce.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(atOnce.map((result) => result.reference)).size).toBe(1);
    expect(await store.listRequests()).toHaveLength(2);

    // After the window, the same details are a new request.
    const later = request("2026-11-02T10:00:00.000Z");
    expect(await store.insertRequestWithNotification(later, "<later@test>", fingerprint("same", "2026-11-02T09:50:00.000Z"))).toEqual({
      reference: later.reference,
      duplicate: false,
    });
  });

  it("counts rate-limit hits per key within the window, exactly, however many arrive at once", async () => {
    const store = await open();
    const now = Date.UTC(2026, 10, 1, 10);
    const hits = await Promise.all(Array.from({ length: 12 }, () => store.recordRateLimitHit("key-a", now, 60_000, 5)));
    expect(hits.filter(Boolean)).toHaveLength(5);
    expect(await store.recordRateLimitHit("key-b", now, 60_000, 5)).toBe(true);
    // Once the window has passed, the key may send again.
    expect(await store.recordRateLimitHit("key-a", now + 60_001, 60_000, 5)).toBe(true);
  });

  it("writes the health check's heartbeat, one row however often and however many at once", async () => {
    const store = await open();
    await store.recordHeartbeat("2026-11-01T10:00:00.000Z");
    await Promise.all(["2026-11-01T10:00:01.000Z", "2026-11-01T10:00:02.000Z", "2026-11-01T10:00:03.000Z"].map((at) => store.recordHeartbeat(at)));
    const { rows } = await sql<{ id: number; at: string }>`SELECT id, at FROM health_heartbeat`.execute(store.authDatabase.db);
    expect(rows).toEqual([{ id: 1, at: expect.stringMatching(/^2026-11-01T10:00:0[123]/) }]);
  });

  it("hands each due notification to one sender only, counting the attempt, until it is sent, failed or unconfirmed", async () => {
    const store = await open();
    for (let index = 0; index < 6; index += 1) {
      await store.insertRequestWithNotification(request("2026-11-01T10:00:00.000Z"), `<n${index}@test>`, fingerprint(`n${index}`));
    }
    const now = "2026-11-01T10:05:00.000Z";
    const lease = "2026-11-01T10:10:00.000Z";
    const [first, second] = await Promise.all([store.claimDueNotifications(now, 4, lease), store.claimDueNotifications(now, 4, lease)]);
    const claimed = [...first!, ...second!];
    expect(claimed).toHaveLength(6);
    expect(new Set(claimed.map((message) => message.id)).size).toBe(6);
    expect(claimed.map((message) => message.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await store.claimDueNotifications(now, 10, lease)).toEqual([]);

    const [sent, failed, dead, unconfirmed, ...stillSending] = claimed;
    await store.markNotificationSent(sent!.id, now);
    await store.markNotificationFailed(failed!.id, "ECONNREFUSED", "2026-11-01T10:06:00.000Z");
    await store.markNotificationFailed(dead!.id, "ECONNREFUSED", null);
    await store.markNotificationUnconfirmed(unconfirmed!.id, "ETIMEDOUT");
    const statusOf = (message: { reference: string } | undefined) => store.notificationStatus(message!.reference);
    expect(await statusOf(sent)).toEqual({ status: "sent", attempts: 1 });
    expect(await statusOf(failed)).toEqual({ status: "pending", attempts: 1 });
    expect(await statusOf(dead)).toEqual({ status: "dead", attempts: 1 });
    expect(await statusOf(unconfirmed)).toEqual({ status: "unconfirmed", attempts: 1 });
    for (const message of stillSending) expect(await statusOf(message)).toEqual({ status: "sending", attempts: 1 });
    expect(await store.outboxCounts()).toEqual({ pending: 3, unconfirmed: 1, dead: 1 });

    // The failed one is due again at its retry time, as a second attempt; the others stay their senders' meanwhile.
    const retried = await store.claimDueNotifications("2026-11-01T10:06:00.000Z", 10, "2026-11-01T10:20:00.000Z");
    expect(retried.map((message) => [message.id, message.attempts])).toEqual([[failed!.id, 2]]);
    // Once their lease has run out, sends never finished may have gone out: unconfirmed, never handed out again.
    expect(await store.claimDueNotifications("2026-11-01T10:10:00.000Z", 10, "2026-11-01T10:15:00.000Z")).toEqual([]);
    for (const message of stillSending) expect(await statusOf(message)).toEqual({ status: "unconfirmed", attempts: 1 });
    expect(await store.claimDueNotifications("2026-11-02T10:00:00.000Z", 10, "2026-11-02T10:05:00.000Z")).toEqual([]);
    expect(await store.outboxCounts()).toEqual({ pending: 0, unconfirmed: 4, dead: 1 });
  });
});

/** Two staff members in `store` (Better Auth's staff_user rows), for what names or refers to a person. */
async function twoStaff(store: AppointmentStore) {
  const { auth } = testStaffContext(store);
  return {
    auth,
    ana: await insertStaffUser(auth, { name: "Ana Front-Desk", email: "ana@clinic.example" }),
    ben: await insertStaffUser(auth, { name: "Ben Nurse", email: "ben@clinic.example" }),
  };
}

function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { at: "2026-11-01T10:00:00.000Z", actorId: null, actorEmail: "(server command line)", action: "user-add", reference: null, detail: null, ipHash: null, ...overrides };
}

describe.each(STORES)("the %s store, for the staff inbox", (_name, open) => {
  it("lists the inbox newest first with each request's status and who set it, filtered by status", async () => {
    const store = await open();
    const { ana } = await twoStaff(store);
    const older = request("2026-11-01T10:00:00.000Z");
    const newer = request("2026-11-02T10:00:00.000Z");
    await store.insertRequestWithNotification(older, "<older@test>", fingerprint("older"));
    await store.insertRequestWithNotification(newer, "<newer@test>", fingerprint("newer"));

    const untouched = await store.listInbox({});
    expect(untouched.map((row) => [row.reference, row.status, row.statusChangedAt, row.statusChangedByName])).toEqual([
      [newer.reference, "new", null, null],
      [older.reference, "new", null, null],
    ]);
    expect(untouched[1]).toMatchObject(older);

    expect(await store.changeStatus(older.id, { status: "scheduled", noteSealed: null, changedAt: "2026-11-03T09:00:00.000Z", changedBy: ana })).toBe(true);
    expect((await store.listInbox({ status: "scheduled" })).map((row) => [row.reference, row.statusChangedByName, row.statusChangedAt])).toEqual([
      [older.reference, "Ana Front-Desk", "2026-11-03T09:00:00.000Z"],
    ]);
    expect((await store.listInbox({ status: "new" })).map((row) => row.reference)).toEqual([newer.reference]);
    expect(await store.listInbox({ status: "closed" })).toEqual([]);
    expect(await store.listInbox({})).toHaveLength(2);

    expect(await store.findInboxRequest(older.reference)).toMatchObject({ ...older, status: "scheduled", statusChangedByName: "Ana Front-Desk" });
    expect(await store.findInboxRequest(newer.reference)).toMatchObject({ ...newer, status: "new", statusChangedByName: null });
    expect(await store.findInboxRequest("MS-ZZZZZ")).toBeUndefined();
  });

  it("keeps each status change in the request's history, oldest first, and refuses an unknown request", async () => {
    const store = await open();
    const { ana, ben } = await twoStaff(store);
    const stored = request("2026-11-01T10:00:00.000Z");
    await store.insertRequestWithNotification(stored, "<h@test>", fingerprint("h"));
    await store.changeStatus(stored.id, { status: "no_answer", noteSealed: "v2.k.sealed-note-1", changedAt: "2026-11-01T11:00:00.000Z", changedBy: ana });
    await store.changeStatus(stored.id, { status: "scheduled", noteSealed: null, changedAt: "2026-11-01T12:00:00.000Z", changedBy: ben });
    await store.changeStatus(stored.id, { status: "closed", noteSealed: "v2.k.sealed-note-3", changedAt: "2026-11-01T12:00:00.000Z", changedBy: ana });

    expect(await store.statusHistory(stored.id)).toEqual([
      { status: "no_answer", noteSealed: "v2.k.sealed-note-1", changedAt: "2026-11-01T11:00:00.000Z", changedByName: "Ana Front-Desk" },
      { status: "scheduled", noteSealed: null, changedAt: "2026-11-01T12:00:00.000Z", changedByName: "Ben Nurse" },
      { status: "closed", noteSealed: "v2.k.sealed-note-3", changedAt: "2026-11-01T12:00:00.000Z", changedByName: "Ana Front-Desk" },
    ]);
    expect(await store.findInboxRequest(stored.reference)).toMatchObject({ status: "closed", statusChangedByName: "Ana Front-Desk" });

    const unknownId = randomUUID();
    expect(await store.changeStatus(unknownId, { status: "closed", noteSealed: null, changedAt: "2026-11-01T13:00:00.000Z", changedBy: ana })).toBe(false);
    expect(await store.statusHistory(unknownId)).toEqual([]);
    // A status the database does not know is refused there too, not only by the inbox's form.
    await expect(
      store.changeStatus(stored.id, { status: "lost" as never, noteSealed: null, changedAt: "2026-11-01T13:00:00.000Z", changedBy: ana }),
    ).rejects.toThrow();
    expect(await store.statusHistory(stored.id)).toHaveLength(3);
  });

  it("appends audit entries and lists them newest first, by person, by reference and a page at a time", async () => {
    const store = await open();
    const { ana, ben } = await twoStaff(store);
    const entries = [
      auditEntry({ action: "user-add", detail: "ana@clinic.example (staff)" }),
      auditEntry({ at: "2026-11-01T10:01:00.000Z", actorId: ana, actorEmail: "ana@clinic.example", action: "sign-in", ipHash: "0123456789abcdef" }),
      auditEntry({ at: "2026-11-01T10:02:00.000Z", actorId: ana, actorEmail: "ana@clinic.example", action: "request-view", reference: "MS-AAAAA" }),
      auditEntry({ at: "2026-11-01T10:03:00.000Z", actorId: ben, actorEmail: "ben@clinic.example", action: "request-view", reference: "MS-AAAAA" }),
      auditEntry({ at: "2026-11-01T10:04:00.000Z", actorId: ana, actorEmail: "ana@clinic.example", action: "request-status", reference: "MS-BBBBB", detail: "closed" }),
    ];
    for (const entry of entries) await store.appendAudit(entry);

    const all = await store.listAudit({ limit: 10 });
    expect(all).toEqual([...entries].reverse().map((entry) => ({ ...entry, id: expect.any(Number) })));
    expect(all.map((entry) => entry.id)).toEqual([...all.map((entry) => entry.id)].sort((a, b) => b - a));

    expect((await store.listAudit({ actorId: ana, limit: 10 })).map((entry) => entry.action)).toEqual(["request-status", "request-view", "sign-in"]);
    expect((await store.listAudit({ reference: "MS-AAAAA", limit: 10 })).map((entry) => entry.actorEmail)).toEqual(["ben@clinic.example", "ana@clinic.example"]);
    expect(await store.listAudit({ actorId: ana, reference: "MS-AAAAA", limit: 10 })).toEqual([expect.objectContaining({ actorId: ana, action: "request-view" })]);

    const firstPage = await store.listAudit({ limit: 2 });
    expect(firstPage.map((entry) => entry.action)).toEqual(["request-status", "request-view"]);
    const secondPage = await store.listAudit({ limit: 2, beforeId: firstPage[1]!.id });
    expect(secondPage.map((entry) => entry.action)).toEqual(["request-view", "sign-in"]);
    expect(secondPage[0]!.actorId).toBe(ana);
    const lastPage = await store.listAudit({ limit: 2, beforeId: secondPage[1]!.id });
    expect(lastPage.map((entry) => entry.action)).toEqual(["user-add"]);
    expect(await store.listAudit({ limit: 2, beforeId: lastPage[0]!.id })).toEqual([]);
  });

  it("refuses to change or delete an audit entry at the database level, and purging requests leaves their entries", async () => {
    const store = await open();
    const { ana } = await twoStaff(store);
    const stored = request("2026-11-01T10:00:00.000Z");
    await store.insertRequestWithNotification(stored, "<p@test>", fingerprint("p"));
    await store.changeStatus(stored.id, { status: "closed", noteSealed: "v2.k.note", changedAt: "2026-11-01T11:00:00.000Z", changedBy: ana });
    await store.appendAudit(auditEntry({ actorId: ana, actorEmail: "ana@clinic.example", action: "request-view", reference: stored.reference }));

    const { db } = store.authDatabase;
    await expect(sql`UPDATE staff_audit_log SET action = 'sign-in'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM staff_audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await store.listAudit({ limit: 10 })).toEqual([expect.objectContaining({ action: "request-view", reference: stored.reference })]);

    expect(await store.purgeRequestsOlderThan("2026-11-02T00:00:00.000Z")).toBe(1);
    expect(await store.findInboxRequest(stored.reference)).toBeUndefined();
    expect(await store.statusHistory(stored.id)).toEqual([]);
    const { rows } = await sql<{ count: number | string }>`SELECT count(*) AS count FROM request_status_changes`.execute(db);
    expect(Number(rows[0]!.count)).toBe(0);
    expect(await store.listAudit({ reference: stored.reference, limit: 10 })).toEqual([expect.objectContaining({ action: "request-view" })]);
  });

  it("keeps only a person's newest enrollment link, works once, and not after it expires", async () => {
    const store = await open();
    const { ana, ben } = await twoStaff(store);
    const made = "2026-11-01T10:00:00.000Z";
    const expires = "2026-11-02T10:00:00.000Z";
    await store.createEnrollment("hash-ana-1", ana, made, expires);
    await store.createEnrollment("hash-ben-1", ben, made, expires);
    await store.createEnrollment("hash-ana-2", ana, "2026-11-01T11:00:00.000Z", "2026-11-02T11:00:00.000Z");

    const now = "2026-11-01T12:00:00.000Z";
    expect(await store.findEnrollment("hash-ana-1", now)).toBeUndefined();
    expect(await store.consumeEnrollment("hash-ana-1", now)).toBeUndefined();
    expect(await store.findEnrollment("hash-ana-2", now)).toBe(ana);
    // Another person's link is untouched by Ana's new one.
    expect(await store.findEnrollment("hash-ben-1", now)).toBe(ben);
    expect(await store.findEnrollment("no-such-hash", now)).toBeUndefined();

    expect(await store.consumeEnrollment("hash-ana-2", now)).toBe(ana);
    expect(await store.consumeEnrollment("hash-ana-2", now)).toBeUndefined();
    expect(await store.findEnrollment("hash-ana-2", now)).toBeUndefined();

    // Expiry: usable up to its end, not at it.
    expect(await store.findEnrollment("hash-ben-1", "2026-11-02T09:59:59.999Z")).toBe(ben);
    expect(await store.findEnrollment("hash-ben-1", expires)).toBeUndefined();
    expect(await store.consumeEnrollment("hash-ben-1", expires)).toBeUndefined();
  });

  it("lets exactly one of several uses of an enrollment link at the same moment succeed", async () => {
    const store = await open();
    const { ana } = await twoStaff(store);
    await store.createEnrollment("hash-race", ana, "2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z");
    const uses = await Promise.all(Array.from({ length: 6 }, () => store.consumeEnrollment("hash-race", "2026-11-01T10:05:00.000Z")));
    expect(uses.filter((userId) => userId === ana)).toHaveLength(1);
    expect(uses.filter((userId) => userId === undefined)).toHaveLength(5);
  });

  it("counts a sign-in attempt under each key before it is checked, up to the limit, drops old ones and clears one key only", async () => {
    const store = await open();
    const window = 15 * 60_000;
    const start = Date.UTC(2026, 10, 1, 10);
    const reserve = (keys: string[], at: number) => store.reserveSignInAttempt(keys, at, window, 5);
    for (let index = 0; index < 3; index += 1) expect(await reserve(["account:a", "address:x"], start + index * 1000)).toEqual(expect.any(String));
    await reserve(["account:b", "address:x"], start + 5000);

    expect(await store.countSignInFailures("account:a", start - 1)).toBe(3);
    expect(await store.countSignInFailures("account:a", start)).toBe(2);
    expect(await store.countSignInFailures("address:x", start - 1)).toBe(4);
    expect(await store.countSignInFailures("account:b", start - 1)).toBe(1);
    expect(await store.countSignInFailures("account:nobody", start - 1)).toBe(0);

    // The fifth attempt from the address is the last: a sixth is refused for any account, and counts nothing.
    const fifth = await reserve(["account:c", "address:x"], start + 6000);
    expect(fifth).toEqual(expect.any(String));
    expect(await reserve(["account:d", "address:x"], start + 7000)).toBeUndefined();
    expect(await store.countSignInFailures("account:d", start - 1)).toBe(0);
    // An attempt that turned out right is taken back under every key, and frees its place.
    await store.releaseSignInAttempt(fifth!);
    expect(await store.countSignInFailures("account:c", start - 1)).toBe(0);
    expect(await store.countSignInFailures("address:x", start - 1)).toBe(4);
    expect(await reserve(["account:d", "address:x"], start + 8000)).toEqual(expect.any(String));

    await store.clearSignInFailures("account:a");
    expect(await store.countSignInFailures("account:a", start - 1)).toBe(0);
    expect(await store.countSignInFailures("address:x", start - 1)).toBe(5);

    // An attempt after the window has passed drops every attempt older than the window, whatever its key.
    expect(await reserve(["account:e", "address:x"], start + 8000 + window)).toEqual(expect.any(String));
    expect(await store.countSignInFailures("address:x", 0)).toBe(1);
    expect(await store.countSignInFailures("account:b", 0)).toBe(0);
    expect(await store.countSignInFailures("account:e", 0)).toBe(1);
  });

  it("lets exactly the limit of sign-in attempts through when many arrive at once, for an account or an address", async () => {
    const store = await open();
    const window = 15 * 60_000;
    const now = Date.UTC(2026, 10, 1, 10);
    // One account from many addresses, and many accounts from one address, all at the same moment.
    const attempts = await Promise.all([
      ...Array.from({ length: 20 }, (_, index) => store.reserveSignInAttempt(["account:a", `address:${index}`], now, window, 5)),
      ...Array.from({ length: 20 }, (_, index) => store.reserveSignInAttempt([`account:${index}`, "address:x"], now, window, 5)),
    ]);
    expect(attempts.slice(0, 20).filter(Boolean)).toHaveLength(5);
    expect(attempts.slice(20).filter(Boolean)).toHaveLength(5);
    expect(new Set(attempts.filter(Boolean)).size).toBe(10);
    expect(await store.countSignInFailures("account:a", 0)).toBe(5);
    expect(await store.countSignInFailures("address:x", 0)).toBe(5);
  });

  it("marks a session as used while it is active and reports it idle once it has waited longer than allowed", async () => {
    const store = await open();
    const { auth, ana, ben } = await twoStaff(store);
    const internal = (await auth.$context).internalAdapter;
    const session = await internal.createSession(ana);
    const other = await internal.createSession(ben);
    const idle = 15 * 60_000;
    const start = Date.UTC(2026, 10, 1, 10);

    expect(await store.touchSession(session.id, start, idle, start)).toBe("active");
    expect(await store.touchSession(session.id, start + idle, idle, start)).toBe("active");
    // Each use starts the idle time again.
    expect(await store.touchSession(session.id, start + 2 * idle, idle, start)).toBe("active");
    expect(await store.touchSession(other.id, start, idle, start)).toBe("active");
    expect(await store.touchSession(session.id, start + 3 * idle + 1, idle, start)).toBe("idle");
    // Idle stays idle: the check did not count as a use.
    expect(await store.touchSession(session.id, start + 3 * idle + 2, idle, start)).toBe("idle");
    expect(await store.touchSession(other.id, start + 10_000, idle, start)).toBe("active");
    // A session never used since it began is idle from its start (the one enrollment opens, left on a shared screen).
    const untouched = await internal.createSession(ben);
    expect(await store.touchSession(untouched.id, start + idle + 1, idle, start)).toBe("idle");
  });

  it("accepts an authenticator code once per person within its window, and again after it", async () => {
    const store = await open();
    const { ana, ben } = await twoStaff(store);
    const window = 2 * 60_000;
    const start = Date.UTC(2026, 10, 1, 10);
    expect(await store.claimAuthenticatorCode(ana, "123456", start, window)).toBe(true);
    expect(await store.claimAuthenticatorCode(ana, "123456", start + 30_000, window)).toBe(false);
    expect(await store.claimAuthenticatorCode(ben, "123456", start + 30_000, window)).toBe(true);
    expect(await store.claimAuthenticatorCode(ana, "654321", start + 30_000, window)).toBe(true);
    expect(await store.claimAuthenticatorCode(ana, "123456", start + window + 1, window)).toBe(true);
    // Two sign-ins with the same code at the same moment: one wins.
    const racing = await Promise.all([1, 2, 3, 4].map(() => store.claimAuthenticatorCode(ben, "777777", start, window)));
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it("voids a person's unused enrollment links and leaves others' alone", async () => {
    const store = await open();
    const { ana, ben } = await twoStaff(store);
    const now = "2026-11-01T10:00:00.000Z";
    const later = "2026-11-02T09:00:00.000Z";
    await store.createEnrollment("hash-ana", ana, now, later);
    await store.createEnrollment("hash-ben", ben, now, later);
    await store.revokeEnrollments(ana);
    expect(await store.findEnrollment("hash-ana", now)).toBeUndefined();
    expect(await store.findEnrollment("hash-ben", now)).toBe(ben);
  });
});

describe("PostgreSQL shared by several servers", () => {
  it("lets servers that start together migrate once, and share requests, limits, sign-in attempts and the outbox", async () => {
    const first = await postgres();
    const [second, third] = await Promise.all([openPostgresStore(lastPostgresUrl), openPostgresStore(lastPostgresUrl)]);
    cleanups.push(() => second.close(), () => third.close());

    const stored = request("2026-11-01T10:00:00.000Z");
    await first.insertRequestWithNotification(stored, "<shared@test>", fingerprint("shared"));
    expect(await second.findRequest(stored.reference)).toEqual(stored);
    const now = Date.UTC(2026, 10, 1, 10);
    const hits = await Promise.all([first, second, third].flatMap((store) => [1, 2, 3].map(() => store.recordRateLimitHit("shared-key", now, 60_000, 4))));
    expect(hits.filter(Boolean)).toHaveLength(4);
    const claims = await Promise.all([first, second, third].map((store) => store.claimDueNotifications("2026-11-01T10:05:00.000Z", 10, "2026-11-01T10:10:00.000Z")));
    expect(claims.flat()).toHaveLength(1);
    // Sign-in attempts at one account through every server at once: the limit holds across them.
    const attempts = await Promise.all(
      [first, second, third].flatMap((store) => [1, 2, 3, 4].map((index) => store.reserveSignInAttempt(["account:shared", `address:${index}`], now, 15 * 60_000, 5))),
    );
    expect(attempts.filter(Boolean)).toHaveLength(5);
  });
});

describe("PostgreSQL going away", () => {
  it("keeps the process alive when the server closes idle connections, and reconnects for the next query", async () => {
    const logged: string[] = [];
    setLogDestination({ write: (line: string) => void logged.push(line) });
    onTestFinished(() => setLogDestination(undefined));
    const store = await postgres();
    await store.listRequests();
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    const database = new URL(lastPostgresUrl).pathname.slice(1);
    // What a restart or a failover does to the site's open connections.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
    await admin.end();
    // The next query goes out once the pool has heard its connection close (it logs that), as it would in production.
    await expect.poll(() => logged.some((line) => line.includes("postgres.idle_connection_lost"))).toBe(true);
    expect(await store.listRequests()).toEqual([]);
  });
});
