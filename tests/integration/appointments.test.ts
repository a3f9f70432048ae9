// @vitest-environment node
/**
 * The appointment flow against a real SQLite file and a real SMTP server (smtp-server), as in production.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseServerEnv } from "@/lib/env";
import { notificationMessageId, openRequest } from "@/lib/appointments/requests";
import { OutboxWorker } from "@/lib/appointments/outbox";
import { createAppointmentsRuntime, type AppointmentsRuntime } from "@/lib/appointments/runtime";
import { databasePath } from "@/lib/appointments/sqlite-store";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { setLogDestination } from "@/lib/log";
import { staffRequestPath } from "@/lib/staff/paths";
import { freePort } from "../../scripts/lib/free-port";

const PATIENT = {
  fullName: "Quillon Vasquez-Testwell",
  phone: "(501) 555-0199",
  email: "quillon@example.com",
  bestTime: "afternoon",
  reason: "Leg pain when I walk to the mailbox",
  acknowledged: "on",
};
const PATIENT_DETAILS = [PATIENT.fullName, "5015550199", "555-0199", PATIENT.email, PATIENT.reason];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});


/** A real SMTP server on localhost that keeps every message it accepts. */
async function startSmtpServer(port: number) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  cleanups.push(stop);
  return { received, stop };
}

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "appointments-test-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const SITE_URL = "https://clinic.example";

async function startRuntime(dataDir: string, smtpPort?: number): Promise<AppointmentsRuntime> {
  const env = parseServerEnv({
    DATA_DIR: dataDir,
    SITE_URL,
    APPOINTMENTS_KEY: "",
    ...(smtpPort ? { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, STAFF_NOTIFY_EMAIL: "staff@example.com", MAIL_FROM: "Site <site@example.com>" } : {}),
  });
  const runtime = await createAppointmentsRuntime(env, {
    retryBaseMs: 100,
    retryMaxMs: 400,
    pollMs: 50,
    notification: { siteUrl: env.SITE_URL, timeZone: env.TIME_ZONE },
  });
  cleanups.push(async () => {
    await runtime.outbox?.stop();
    await runtime.store.close();
  });
  return runtime;
}

/** Captures everything the code logs, to prove no patient detail is in it. */
function captureLogs(): string[] {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  setLogDestination({ write: keep });
  cleanups.push(() => setLogDestination(undefined));
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
  vi.spyOn(console, "warn").mockImplementation(keep);
  return lines;
}

async function eventually(check: () => void | Promise<void>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe("appointment requests, end to end below the browser", () => {
  it("stores the request encrypted and emails staff exactly once, with a link to the inbox and without the patient's details", async () => {
    const logs = captureLogs();
    const smtpPort = await freePort();
    const smtp = await startSmtpServer(smtpPort);
    const dataDir = tempDataDir();
    const runtime = await startRuntime(dataDir, smtpPort);

    const result = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "203.0.113.9" });
    expect(result).toMatchObject({ status: "received", reference: expect.stringMatching(/^MS-[A-Z0-9]{5}$/) });
    const reference = (result as { reference: string }).reference;

    const [stored] = await runtime.store.listRequests();
    expect(openRequest(runtime.keys.encryption, stored!)).toMatchObject({
      reference,
      fullName: PATIENT.fullName,
      phone: "+15015550199",
      email: PATIENT.email,
      reason: PATIENT.reason,
    });
    // On disk, nothing of the patient is readable.
    const rawDatabase = fs.readFileSync(databasePath(dataDir)).toString("latin1") +
      (fs.existsSync(`${databasePath(dataDir)}-wal`) ? fs.readFileSync(`${databasePath(dataDir)}-wal`).toString("latin1") : "");
    for (const detail of PATIENT_DETAILS) expect(rawDatabase).not.toContain(detail);

    await eventually(() => expect(smtp.received).toHaveLength(1));
    const [mail] = smtp.received;
    expect(mail!.subject).toBe(`New appointment request ${reference}`);
    expect(mail!.messageId).toBe(notificationMessageId(stored!));
    // The way to the patient's details is the staff inbox, behind sign-in.
    expect(mail!.text).toContain(`\n  ${SITE_URL}${staffRequestPath(reference)}\n`);
    for (const detail of PATIENT_DETAILS) {
      expect(mail!.text).not.toContain(detail);
      expect(mail!.subject).not.toContain(detail);
      expect(mail!.html || "").not.toContain(detail);
    }
    // One more pass of the worker, awaited: anything it still had to send would have arrived by its end.
    await runtime.outbox!.nudge();
    expect(smtp.received).toHaveLength(1);
    for (const detail of PATIENT_DETAILS) expect(logs.join("\n")).not.toContain(detail);
  });

  it("keeps the notification while the mail server is down and delivers it once when it is back", async () => {
    captureLogs();
    const smtpPort = await freePort();
    const runtime = await startRuntime(tempDataDir(), smtpPort);

    const result = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "203.0.113.9" });
    expect(result.status).toBe("received");
    const reference = (result as { reference: string }).reference;
    await eventually(async () => {
      const notification = await runtime.store.notificationStatus(reference);
      expect(notification?.status).toBe("pending");
      expect(notification?.attempts).toBeGreaterThanOrEqual(2);
    });

    const smtp = await startSmtpServer(smtpPort);
    await eventually(() => expect(smtp.received).toHaveLength(1));
    await eventually(async () => expect((await runtime.store.notificationStatus(reference))?.status).toBe("sent"));
    // One more pass of the worker, awaited: anything it still had to send would have arrived by its end.
    await runtime.outbox!.nudge();
    expect(smtp.received).toHaveLength(1);
  });

  it("delivers on restart a notification left unsent by a process that stopped after the commit", async () => {
    captureLogs();
    const dataDir = tempDataDir();
    // The first process stores the request but stops before any mail goes out.
    const firstProcess = await startRuntime(dataDir);
    const result = await submitAppointmentRequest(firstProcess, PATIENT, { clientAddress: "203.0.113.9" });
    const reference = (result as { reference: string }).reference;
    await firstProcess.store.close();

    const smtpPort = await freePort();
    const smtp = await startSmtpServer(smtpPort);
    await startRuntime(dataDir, smtpPort);
    await eventually(() => expect(smtp.received.map((mail) => mail.subject)).toEqual([`New appointment request ${reference}`]));
  });

  it("when the database cannot be written, reports it, stores nothing and logs no patient data", async () => {
    const logs = captureLogs();
    const dataDir = tempDataDir();
    const runtime = await startRuntime(dataDir);
    // Another connection holds the write lock past the busy timeout: every write fails.
    const blocker = new Database(databasePath(dataDir));
    blocker.exec("BEGIN EXCLUSIVE");
    cleanups.push(() => {
      if (blocker.inTransaction) blocker.exec("ROLLBACK");
      blocker.close();
    });

    const result = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "203.0.113.9" });
    expect(result).toEqual({ status: "unavailable" });
    blocker.exec("ROLLBACK");
    expect(await runtime.store.listRequests()).toEqual([]);
    expect(logs.join("\n")).toContain("appointments.store_failed");
    for (const detail of PATIENT_DETAILS) expect(logs.join("\n")).not.toContain(detail);
  }, 15_000);

  it("after repeated failures, marks the notification dead for staff to look into, with backoff between tries", async () => {
    captureLogs();
    const runtime = await startRuntime(tempDataDir());
    const result = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "203.0.113.9" });
    const reference = (result as { reference: string }).reference;
    let clock = Date.now();
    const attemptTimes: number[] = [];
    const worker = new OutboxWorker(
      runtime.store,
      async () => {
        attemptTimes.push(clock);
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      },
      { retryBaseMs: 1000, retryMaxMs: 3000, maxAttempts: 4, now: () => new Date(clock) },
    );
    for (let step = 0; step < 20; step += 1) {
      await worker.deliverDue();
      clock += 500;
    }
    expect(await runtime.store.notificationStatus(reference)).toEqual({ status: "dead", attempts: 4 });
    const gaps = attemptTimes.slice(1).map((time, index) => time - attemptTimes[index]!);
    expect(gaps).toEqual([1000, 2000, 3000]);
  });

  it("limits requests per IP address and silently drops a filled honeypot", async () => {
    captureLogs();
    const runtime = await startRuntime(tempDataDir());
    const statuses = [];
    for (let index = 0; index < 6; index += 1) {
      const request = { ...PATIENT, reason: `Visit number ${index}` };
      statuses.push((await submitAppointmentRequest(runtime, request, { clientAddress: "198.51.100.1" })).status);
    }
    expect(statuses).toEqual(["received", "received", "received", "received", "received", "rate-limited"]);
    expect((await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "198.51.100.2" })).status).toBe("received");

    // However the hidden field comes (once, twice with the first empty, as a file), it is a bot.
    const botFields = { ...PATIENT, fullName: "Bot McBotface" };
    for (const honeypot of [["http://spam.example"], ["", "http://spam.example"], [new Blob(["x"])]]) {
      const bot = await submitAppointmentRequest(runtime, botFields, { clientAddress: "198.51.100.3", honeypot });
      expect(bot.status).toBe("received");
    }
    expect(await runtime.store.listRequests()).toHaveLength(6);
  });

  it("stores the same details sent again (a reload, a double tap, a retry) once, and answers with the first reference", async () => {
    captureLogs();
    const runtime = await startRuntime(tempDataDir());
    const first = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "198.51.100.7" });
    // Typed a little differently.
    const again = await submitAppointmentRequest(
      runtime,
      { ...PATIENT, fullName: ` ${PATIENT.fullName.toUpperCase()} `, phone: "501.555.0199" },
      { clientAddress: "198.51.100.7" },
    );
    const atOnce = await Promise.all(
      Array.from({ length: 5 }, () => submitAppointmentRequest(runtime, PATIENT, { clientAddress: "198.51.100.7" })),
    );
    expect(first.status).toBe("received");
    for (const result of [again, ...atOnce]) expect(result).toEqual(first);
    expect(await runtime.store.listRequests()).toHaveLength(1);

    // Someone elsewhere who knows the patient's details learns nothing: not that they wrote, nor their reference.
    const elsewhere = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "203.0.113.50" });
    expect(elsewhere).toMatchObject({ status: "received" });
    expect(elsewhere).not.toEqual(first);
    expect(await runtime.store.listRequests()).toHaveLength(2);

    // Other details are another request.
    const other = await submitAppointmentRequest(runtime, { ...PATIENT, bestTime: "morning" }, { clientAddress: "198.51.100.7" });
    expect(other).toMatchObject({ status: "received" });
    expect(other).not.toEqual(first);
    expect(await runtime.store.listRequests()).toHaveLength(3);
  });

  it("recognises the same details only for a short while: a request a day later is a new one", async () => {
    captureLogs();
    const runtime = await startRuntime(tempDataDir());
    const first = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "198.51.100.8" });
    const nextDay = new Date(Date.now() + 86_400_000);
    const later = await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "198.51.100.8", now: nextDay });
    expect(later).toMatchObject({ status: "received" });
    expect(later).not.toEqual(first);
    expect(await runtime.store.listRequests()).toHaveLength(2);
  });

  it("counts no bot against any limit: honeypot posts cannot close the form for patients", async () => {
    captureLogs();
    const env = parseServerEnv({ DATA_DIR: tempDataDir(), RATE_LIMIT_GLOBAL_MAX: "3", RATE_LIMIT_MAX: "2" });
    const runtime = await createAppointmentsRuntime(env);
    cleanups.push(() => runtime.store.close());
    for (let index = 0; index < 20; index += 1) {
      const bot = await submitAppointmentRequest(runtime, { ...PATIENT, reason: `Spam ${index}` }, { clientAddress: `192.0.2.${index % 2}`, honeypot: ["x"] });
      expect(bot.status).toBe("received");
    }
    expect((await submitAppointmentRequest(runtime, PATIENT, { clientAddress: "192.0.2.0" })).status).toBe("received");
    expect(await runtime.store.listRequests()).toHaveLength(1);
  });

  it("caps requests for the whole site: beyond the cap, many addresses get 'please call', nothing stored, one log line", async () => {
    const logs = captureLogs();
    const env = parseServerEnv({ DATA_DIR: tempDataDir(), RATE_LIMIT_GLOBAL_MAX: "10" });
    const runtime = await createAppointmentsRuntime(env);
    cleanups.push(() => runtime.store.close());
    const statuses = [];
    for (let index = 0; index < 30; index += 1) {
      const request = { ...PATIENT, reason: `Flood ${index}` };
      statuses.push((await submitAppointmentRequest(runtime, request, { clientAddress: `192.0.2.${index}` })).status);
    }
    expect(statuses.filter((status) => status === "received")).toHaveLength(10);
    expect(statuses.slice(10)).toEqual(Array(20).fill("unavailable"));
    expect(await runtime.store.listRequests()).toHaveLength(10);
    expect(logs.filter((line) => line.includes("appointments.global_rate_limited"))).toHaveLength(1);
  });
});
