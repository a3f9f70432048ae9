/**
 * Several servers, one database: two standalone servers on one PostgreSQL database (a throwaway server of the
 * test's own), a real SMTP server, concurrent submissions split between them. Every confirmed request is stored
 * once, every staff email sent once, and the rate limit is shared.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openPostgresStore } from "../../lib/appointments/postgres-store";
import { startMailCatcher, type MailCatcher } from "../../scripts/lib/mail-catcher";
import { createTestDatabase, startTestPostgres, type TestPostgres } from "../../scripts/lib/throwaway-postgres";
import { freePort } from "../../scripts/lib/free-port";
import { postForm, startServer, type TestServer } from "./support/servers";

const SUBMISSIONS = 40;

// One pair of servers for both tests.
test.describe.configure({ mode: "serial" });

let postgres: TestPostgres;
let databaseUrl: string;
let mail: MailCatcher;
const servers: TestServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = await startTestPostgres();
  databaseUrl = (await createTestDatabase(postgres.url, "multi_server")).url;
  const smtpPort = await freePort();
  mail = await startMailCatcher(smtpPort);
  const env = {
    DATABASE_URL: databaseUrl,
    // Servers sharing a database share the key: each encrypts what the other must read.
    APPOINTMENTS_KEY: randomBytes(32).toString("base64"),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    STAFF_NOTIFY_EMAIL: "front-desk@example.com",
    MAIL_FROM: "Mocek Spine website <website@example.com>",
    RATE_LIMIT_MAX: "3",
    // Both servers poll the outbox often, so they would race for the same notification if claims did not hold.
    OUTBOX_POLL_MS: "200",
  };
  for (const name of ["server-a", "server-b"]) {
    const log = fs.openSync(path.join(process.env.E2E_RUN_DIR!, `${name}.log`), "w");
    servers.push(await startServer(name, env, log));
  }
});

test.afterAll(async () => {
  for (const server of servers) server.stop();
  await mail?.stop();
  postgres?.stop();
});

test("two servers on one PostgreSQL database store each confirmed request once and send each email once", async ({ request }) => {
  const results = await Promise.all(
    Array.from({ length: SUBMISSIONS }, (_, index) =>
      postForm(request, servers[index % 2]!.origin, { fullName: `Shared Patient ${index}` }, { "X-Forwarded-For": `198.51.100.${index}` }),
    ),
  );
  const confirmed = results.flatMap((result) => (result.outcome === "received" ? [result.reference] : []));
  expect(confirmed).toHaveLength(SUBMISSIONS);

  const store = await openPostgresStore(databaseUrl);
  try {
    const stored = (await store.listRequests()).map((row) => row.reference);
    expect(stored.sort()).toEqual([...confirmed].sort());
    // Wait until every notification is marked sent (a condition, not a guessed time): a sender marks its message
    // only after the mail catcher has accepted it, and no server claims a message marked sent.
    await expect
      .poll(async () => (await store.outboxCounts()).pending, { timeout: 30_000 })
      .toBe(0);
  } finally {
    await store.close();
  }
  expect([...mail.subjects].sort()).toEqual(confirmed.map((reference) => `New appointment request ${reference}`).sort());
});

test("the rate limit is shared: a client gets the same allowance whichever server answers", async ({ request }) => {
  const outcomes = [];
  for (let index = 0; index < 6; index += 1) {
    const server = servers[index % 2]!;
    outcomes.push((await postForm(request, server.origin, { fullName: `Busy Patient ${index}` }, { "X-Forwarded-For": "203.0.113.44" })).outcome);
  }
  expect(outcomes).toEqual(["received", "received", "received", "rate-limited", "rate-limited", "rate-limited"]);
});
