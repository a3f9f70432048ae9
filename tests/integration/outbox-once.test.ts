// @vitest-environment node
/**
 * Every request: one staff email, whatever the mail server's speed. A real SQLite store, a real SMTP server (slow,
 * refusing, or filling the disk as the mail arrives) and the real mailer with short timeouts; the workers' clock
 * is moved past every retry time and lease, so they get every chance to send again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpSender } from "@/lib/appointments/mailer";
import { OutboxWorker } from "@/lib/appointments/outbox";
import { createAppointmentsRuntime, type AppointmentsRuntime } from "@/lib/appointments/runtime";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { fillDisk, mountSmallDisk } from "@/tests/support/small-disk";
import { testTempDir, type Cleanups } from "@/tests/support/test-stores";
import { freePort } from "../../scripts/lib/free-port";
import { startMailCatcher, type MailCatcherOptions } from "../../scripts/lib/mail-catcher";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Far beyond any retry delay or lease the workers use. */
const LATER_MS = 60 * 60_000;
/** The mailer gives up on a silent server after this; the slow server answers later. */
const SOCKET_TIMEOUT_MS = 300;

const subjectOf = (reference: string) => `New appointment request ${reference}`;

/** A store with `count` requests waiting to be notified, a mail server, and workers that send through it. */
async function clinic({ count, dataDir, mail: mailOptions = {} }: { count: number; dataDir?: string; mail?: MailCatcherOptions }) {
  const logs: string[] = [];
  setLogDestination({ write: (line: string) => void logs.push(line) });
  cleanups.push(() => setLogDestination(undefined));
  // Notifications off here: only the test's workers send.
  const runtime: AppointmentsRuntime = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir ?? testTempDir(cleanups, "outbox-once") }));
  cleanups.push(() => runtime.store.close());
  const references: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const result = await submitAppointmentRequest(
      runtime,
      { fullName: `Patient Number${index}`, phone: "(501) 555-0142", bestTime: "any", acknowledged: "on" },
      { clientAddress: `192.0.2.${index + 1}` },
    );
    references.push((result as { reference: string }).reference);
  }
  const port = await freePort();
  const mail = await startMailCatcher(port, mailOptions);
  cleanups.push(mail.stop);
  const send = createSmtpSender({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: "website@example.com",
    to: "front-desk@example.com",
    timeouts: { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: SOCKET_TIMEOUT_MS },
  });
  let clock = Date.now();
  const workers = [1, 2].map(() => new OutboxWorker(runtime.store, send, { retryBaseMs: 1000, now: () => new Date(clock) }));
  /** Both workers (two servers, or a server and the drain) make `rounds` passes, the clock moving on after each. */
  const passes = async (rounds: number) => {
    for (let round = 0; round < rounds; round += 1) {
      await Promise.all(workers.map((worker) => worker.nudge()));
      clock += LATER_MS;
    }
    // Every conversation over: whatever was sent has arrived.
    await expect.poll(() => mail.openConnections()).toBe(0);
  };
  /** How many emails each request got. */
  const emailsPerRequest = () => references.map((reference) => mail.subjects.filter((subject) => subject === subjectOf(reference)).length);
  return { runtime, references, mail, passes, emailsPerRequest, logs, later: () => (clock += LATER_MS), now: () => clock };
}

describe("staff notifications, one email per request", () => {
  it("sends each request's email once when the mail server answers only after the mailer has given up", async () => {
    const { runtime, references, passes, emailsPerRequest } = await clinic({ count: 5, mail: { answerAfterMs: 4 * SOCKET_TIMEOUT_MS } });
    await passes(4);
    expect(emailsPerRequest()).toEqual([1, 1, 1, 1, 1]);
    // Never sent again, and counted for the operator: the server may have taken them without saying so.
    for (const reference of references) expect(await runtime.store.notificationStatus(reference)).toEqual({ status: "unconfirmed", attempts: 1 });
    expect(await runtime.store.outboxCounts()).toEqual({ pending: 0, unconfirmed: 5, dead: 0 });
  });

  it("sends again a message the server refused, once it is accepted", async () => {
    let refusals = 1;
    const { runtime, references, passes, emailsPerRequest } = await clinic({
      count: 1,
      mail: { onMessage: () => (refusals-- > 0 ? { responseCode: 451, message: "Try again later" } : undefined) },
    });
    await passes(3);
    expect(emailsPerRequest()).toEqual([1]);
    expect(await runtime.store.notificationStatus(references[0]!)).toEqual({ status: "sent", attempts: 2 });
  });

  it("does not send an email twice when recording it as sent fails (a full disk as it went out)", async () => {
    const dataDir = mountSmallDisk(cleanups, 2048);
    let makeRoom: (() => void) | undefined;
    const { runtime, references, passes, emailsPerRequest } = await clinic({
      count: 1,
      dataDir,
      mail: { onMessage: () => void (makeRoom ??= fillDisk(dataDir)) },
    });
    await passes(1);
    expect(emailsPerRequest()).toEqual([1]);
    makeRoom!();
    await passes(3);
    expect(emailsPerRequest()).toEqual([1]);
    expect(await runtime.store.notificationStatus(references[0]!)).toEqual({ status: "sent", attempts: 1 });
  });

  it("never sends again a notification whose sender stopped in the middle of sending it", async () => {
    const { runtime, references, passes, emailsPerRequest, now } = await clinic({ count: 1 });
    // A server claims it to send, then stops (a crash, a deploy) before it can say how the send went.
    const claimed = await runtime.store.claimDueNotifications(new Date(now()).toISOString(), 10, new Date(now() + 60_000).toISOString());
    expect(claimed).toHaveLength(1);
    await passes(3);
    expect(emailsPerRequest()).toEqual([0]);
    expect(await runtime.store.notificationStatus(references[0]!)).toEqual({ status: "unconfirmed", attempts: 1 });
  });
});
