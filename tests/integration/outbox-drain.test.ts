// @vitest-environment node
/**
 * /api/outbox/drain, as a scheduler calls it where no process stays up: refused without the token, and with it,
 * the notifications that could not go out are sent, each once; a HEAD never sends. A real SQLite file and a real
 * SMTP server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLogDestination } from "@/lib/log";
import { freePort } from "../../scripts/lib/free-port";
import { startMailCatcher } from "../../scripts/lib/mail-catcher";

const TOKEN = "drain-token-for-tests-0123456789abcdef";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "drain-test-"));
let smtpPort = 0;


beforeAll(async () => {
  setLogDestination({ write: () => {} });
  smtpPort = await freePort();
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    OUTBOX_DRAIN_TOKEN: TOKEN,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    STAFF_NOTIFY_EMAIL: "front-desk@example.com",
    MAIL_FROM: "Mocek Spine website <website@example.com>",
    // Only the drain sends: the worker's own poll would come far too late for this test. A failed send waits an
    // hour before its retry, as a real outage would, so no pass tries it again before the test moves the clock.
    // (A retry due after 1 ms let a slow machine's first pass try it ten times and give up on it.)
    OUTBOX_POLL_MS: "3600000",
    OUTBOX_RETRY_BASE_MS: "3600000",
  });
});

afterAll(async () => {
  const global = globalThis as { __appointmentsRuntime?: Promise<{ store: { close(): Promise<void> }; outbox?: { stop(): Promise<void> } }> };
  const runtime = await global.__appointmentsRuntime;
  await runtime?.outbox?.stop();
  await runtime?.store.close();
  delete global.__appointmentsRuntime;
  for (const name of ["DATA_DIR", "OUTBOX_DRAIN_TOKEN", "SMTP_URL", "STAFF_NOTIFY_EMAIL", "MAIL_FROM", "OUTBOX_POLL_MS", "OUTBOX_RETRY_BASE_MS"]) {
    delete process.env[name];
  }
  setLogDestination(undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const drainRequest = (authorization?: string) =>
  new Request("http://localhost/api/outbox/drain", { method: "POST", headers: authorization ? { authorization } : {} });

describe("the outbox drain endpoint", () => {
  it("is refused without the right token, and says nothing else", async () => {
    const { POST, GET } = await import("@/app/api/outbox/drain/route");
    for (const response of [await POST(drainRequest()), await POST(drainRequest("Bearer wrong")), await GET(drainRequest(`Bearer ${TOKEN}x`))]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("sends what the mail server could not take earlier, once, and reports only a count", async () => {
    const { POST } = await import("@/app/api/outbox/drain/route");
    const { getAppointmentsRuntime } = await import("@/lib/appointments/runtime");
    const { submitAppointmentRequest } = await import("@/lib/appointments/submit");
    const runtime = await getAppointmentsRuntime();
    // The mail server is down: the first attempt, right after the request, fails.
    const result = await submitAppointmentRequest(
      runtime,
      { fullName: "Drain Patient", phone: "(501) 555-0188", bestTime: "any", acknowledged: "on" },
      { clientAddress: "192.0.2.20" },
    );
    expect(result.status).toBe("received");
    const reference = (result as { reference: string }).reference;
    await expect.poll(async () => (await runtime.store.notificationStatus(reference))?.status).toBe("pending");
    // The worker's passes over (it polls only hourly here), nothing changes the notification but the test.
    await runtime.outbox!.nudge();
    const waiting = await runtime.store.notificationStatus(reference);
    expect(waiting).toEqual({ status: "pending", attempts: 1 });

    // An hour and a minute later the mail server is back, and the scheduler calls the drain. Only the clock's date
    // moves: sockets and timers run as they do.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 60_000 });
    const mail = await startMailCatcher(smtpPort);
    try {
      // A HEAD (a link checker, a monitor) changes nothing, even with the token. Next answers it with the route's
      // HEAD, or its GET when it has none: autoImplementMethods is how Next decides.
      const { HEAD } = autoImplementMethods(await import("@/app/api/outbox/drain/route"));
      const headRequest = new NextRequest("http://localhost/api/outbox/drain", { method: "HEAD", headers: { authorization: `Bearer ${TOKEN}` } });
      const head = (await HEAD(headRequest, { params: Promise.resolve({}) })) as Response;
      expect(head.status).toBe(405);
      expect(mail.subjects).toEqual([]);
      expect(await runtime.store.notificationStatus(reference)).toEqual(waiting);

      const drained = await POST(drainRequest(`Bearer ${TOKEN}`));
      expect(drained.status).toBe(200);
      expect(await drained.json()).toEqual({ tried: 1 });
      expect(mail.subjects).toEqual([`New appointment request ${reference}`]);
      // Nothing is due any more: a second call sends nothing.
      expect(await (await POST(drainRequest(`Bearer ${TOKEN}`))).json()).toEqual({ tried: 0 });
      expect(mail.subjects).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      await mail.stop();
    }
  });
});
