/**
 * Staff emails per request when the mail server answers slowly (issue 20: a server answering after 25 s made
 * 10 emails for 5 requests, and rising). Real time and the production settings: a server's outbox worker on
 * SQLite with the default timeouts, retry delays and lease, and a real SMTP server that takes every message and
 * answers only after --delay seconds. Prints the count every 15 s and a summary at the end.
 *
 *   npx tsx scripts/bench-slow-smtp.ts                                  5 requests, a 25 s server, 3 minutes
 *   npx tsx scripts/bench-slow-smtp.ts --requests 5 --delay 25 --minutes 3
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAppointmentsRuntime } from "@/lib/appointments/runtime";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { freePort } from "./lib/free-port";
import { startMailCatcher } from "./lib/mail-catcher";

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const REQUESTS = flag("--requests", 5);
const DELAY_S = flag("--delay", 25);
const MINUTES = flag("--minutes", 3);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-slow-smtp-"));
  const events: string[] = [];
  setLogDestination({ write: (line: string) => void events.push(JSON.parse(line).event) });
  const port = await freePort();
  const mail = await startMailCatcher(port, { answerAfterMs: DELAY_S * 1000 });
  const runtime = await createAppointmentsRuntime(
    parseServerEnv({
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      STAFF_NOTIFY_EMAIL: "front-desk@example.com",
      MAIL_FROM: "Mocek Spine website <website@example.com>",
    }),
  );
  const started = Date.now();
  const references: string[] = [];
  for (let index = 0; index < REQUESTS; index += 1) {
    const result = await submitAppointmentRequest(
      runtime,
      { fullName: `Bench Patient${index}`, phone: "(501) 555-0142", bestTime: "any", acknowledged: "on" },
      { clientAddress: `192.0.2.${index + 1}` },
    );
    references.push((result as { reference: string }).reference);
  }
  const perRequest = () => references.map((reference) => mail.subjects.filter((subject) => subject === `New appointment request ${reference}`).length);
  const report = async () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const statuses = await Promise.all(references.map(async (reference) => (await runtime.store.notificationStatus(reference))?.status));
    console.log(`${String(seconds).padStart(4)} s: ${mail.subjects.length} emails for ${REQUESTS} requests, per request [${perRequest().join(", ")}], statuses [${statuses.join(", ")}]`);
  };
  console.log(`${REQUESTS} requests, an SMTP server answering each message after ${DELAY_S} s, watched for ${MINUTES} min`);
  const timer = setInterval(() => void report(), 15_000);
  await new Promise((resolve) => setTimeout(resolve, MINUTES * 60_000));
  clearInterval(timer);
  await report();
  const counts = perRequest();
  console.log(
    `Summary: ${mail.subjects.length} emails for ${REQUESTS} requests (${(mail.subjects.length / REQUESTS).toFixed(1)} per request; ` +
      `min ${Math.min(...counts)}, max ${Math.max(...counts)}); outbox ${JSON.stringify(await runtime.store.outboxCounts())}; ` +
      `log events ${JSON.stringify(Object.fromEntries([...new Set(events)].map((event) => [event, events.filter((e) => e === event).length])))}`,
  );
  await runtime.outbox?.stop();
  await runtime.store.close();
  await mail.stop();
  setLogDestination(undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

void main();
