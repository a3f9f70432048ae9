// @vitest-environment node
/**
 * One contract, two stores: every behaviour the form, the outbox and the staff tools rely on, run unchanged
 * against SQLite (a file) and PostgreSQL (a real server, scripts/lib/throwaway-postgres.ts). No mocks of the database.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openPostgresStore } from "@/lib/appointments/postgres-store";
import { newReference } from "@/lib/appointments/requests";
import { databasePath, openSqliteStore } from "@/lib/appointments/sqlite-store";
import { DuplicateReferenceError, type AppointmentStore, type StoredRequest } from "@/lib/appointments/store";
import { createTestDatabase } from "../../scripts/lib/throwaway-postgres";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type OpenStore = () => Promise<AppointmentStore>;

const sqlite: OpenStore = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-contract-"));
  const store = await openSqliteStore(databasePath(dir));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  return store;
};

/** A fresh database per test; `openAgain` opens a second store on it, as a second server would. */
let lastPostgresUrl = "";
const postgres: OpenStore = async () => {
  const database = await createTestDatabase(inject("postgresUrl"), "contract");
  lastPostgresUrl = database.url;
  cleanups.push(database.drop);
  const store = await openPostgresStore(database.url);
  cleanups.push(() => store.close());
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

describe.each([
  ["SQLite", sqlite],
  ["PostgreSQL", postgres],
])("the %s store", (_name, open) => {
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

  it("hands each due notification to one sender only, until it is sent, failed or its lease runs out", async () => {
    const store = await open();
    for (let index = 0; index < 6; index += 1) {
      await store.insertRequestWithNotification(request("2026-11-01T10:00:00.000Z"), `<n${index}@test>`, fingerprint(`n${index}`));
    }
    const now = "2026-11-01T10:05:00.000Z";
    const lease = "2026-11-01T10:10:00.000Z";
    const [first, second] = await Promise.all([store.claimDueNotifications(now, 4, lease), store.claimDueNotifications(now, 4, lease)]);
    const claimedIds = [...first!, ...second!].map((message) => message.id);
    expect(claimedIds).toHaveLength(6);
    expect(new Set(claimedIds).size).toBe(6);
    expect(await store.claimDueNotifications(now, 10, lease)).toEqual([]);

    const [sent, failed, dead, ...rest] = [...first!, ...second!];
    await store.markNotificationSent(sent!.id, now);
    await store.markNotificationFailed(failed!.id, "ECONNREFUSED", "2026-11-01T10:06:00.000Z");
    await store.markNotificationFailed(dead!.id, "ECONNREFUSED", null);
    expect(await store.notificationStatus(sent!.reference)).toEqual({ status: "sent", attempts: 0 });
    expect(await store.notificationStatus(failed!.reference)).toEqual({ status: "pending", attempts: 1 });
    expect(await store.notificationStatus(dead!.reference)).toEqual({ status: "dead", attempts: 1 });

    // The failed one is due again at its retry time; the rest once their lease has run out.
    expect((await store.claimDueNotifications("2026-11-01T10:06:00.000Z", 10, "2026-11-01T10:20:00.000Z")).map((message) => message.id)).toEqual([
      failed!.id,
    ]);
    const afterLease = await store.claimDueNotifications("2026-11-01T10:10:00.000Z", 10, "2026-11-01T10:15:00.000Z");
    expect(afterLease.map((message) => message.id).sort()).toEqual(rest.map((message) => message.id).sort());
  });
});

describe("PostgreSQL shared by several servers", () => {
  it("lets servers that start together migrate once, and share requests, limits and the outbox", async () => {
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
  });
});

describe("PostgreSQL going away", () => {
  it("keeps the process alive when the server closes idle connections, and reconnects for the next query", async () => {
    const store = await postgres();
    await store.listRequests();
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: inject("postgresUrl") });
    await admin.connect();
    const database = new URL(lastPostgresUrl).pathname.slice(1);
    // What a restart or a failover does to the site's open connections.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.listRequests()).toEqual([]);
  });
});
