/**
 * Load check of the appointment form: 200 concurrent submissions over HTTP to the built server, posted exactly as
 * a browser without JavaScript posts them. Prints p50/p95 latency and checks that every request the server
 * confirmed is stored exactly once and that staff get exactly one email for each (a real SMTP server counts them).
 *
 *   npm run bench:form                          one server, SQLite
 *   npm run bench:form -- --servers 2           two servers on one PostgreSQL database (a throwaway server)
 *   npm run bench:form -- --count 500
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openAppointmentData } from "@/lib/appointments/runtime";
import { parseServerEnv } from "@/lib/env";
import { formActionFields } from "./lib/form-fields";
import { startMailCatcher } from "./lib/mail-catcher";
import { startNextServer, type RunningServer } from "./lib/serve";
import { createTestDatabase, startTestPostgres } from "./lib/throwaway-postgres";

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const COUNT = flag("--count", 200);
const SERVERS = flag("--servers", 1);
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3900);

/** The hidden fields React renders into the form for a server action without JavaScript. */
async function actionFields(origin: string): Promise<[string, string][]> {
  const html = await (await fetch(`${origin}/request-appointment`)).text();
  return formActionFields(html);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-form-"));
  const postgres = SERVERS > 1 ? await startTestPostgres() : undefined;
  const databaseUrl = postgres && (await createTestDatabase(postgres.url, "bench_form")).url;
  const mail = await startMailCatcher(FIRST_PORT + 50);
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    APPOINTMENTS_KEY: randomBytes(32).toString("base64"),
    RATE_LIMIT_MAX: "1000000",
    RATE_LIMIT_GLOBAL_MAX: "1000000",
    SMTP_URL: `smtp://127.0.0.1:${FIRST_PORT + 50}`,
    STAFF_NOTIFY_EMAIL: "front-desk@example.com",
    MAIL_FROM: "Mocek Spine website <website@example.com>",
    OUTBOX_POLL_MS: "500",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const servers: RunningServer[] = [];
  try {
    for (let index = 0; index < SERVERS; index += 1) servers.push(await startNextServer({ port: FIRST_PORT + index, env }));
    const hidden = await actionFields(servers[0]!.origin);
    const submitOne = async (index: number) => {
      const { origin } = servers[index % servers.length]!;
      const body = new FormData();
      for (const [name, value] of hidden) body.append(name, value);
      body.append("fullName", `Bench Patient ${index}`);
      body.append("phone", "501-555-0100");
      body.append("bestTime", "any");
      body.append("acknowledged", "on");
      const started = performance.now();
      const response = await fetch(`${origin}/request-appointment`, { method: "POST", body, headers: { Origin: origin } });
      const html = await response.text();
      return {
        ms: performance.now() - started,
        reference: /data-testid="reference">(MS-[A-Z0-9]{5})</.exec(html)?.[1],
        status: response.status,
      };
    };
    const wallStart = performance.now();
    const results = await Promise.all(Array.from({ length: COUNT }, (_, index) => submitOne(index)));
    const wallMs = performance.now() - wallStart;

    const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
    const confirmed = results.flatMap((result) => (result.reference ? [result.reference] : []));
    const { store } = await openAppointmentData(parseServerEnv(env));
    const stored = (await store.listRequests()).map((request) => request.reference);
    await store.close();
    const storedCounts = new Map<string, number>();
    for (const reference of stored) storedCounts.set(reference, (storedCounts.get(reference) ?? 0) + 1);
    const storedOnce = confirmed.filter((reference) => storedCounts.get(reference) === 1).length;

    // Every notification out, then a few polls more, in which a second send would show.
    const deadline = Date.now() + 60_000;
    while (mail.subjects.length < confirmed.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const sentCounts = new Map<string, number>();
    for (const subject of mail.subjects) sentCounts.set(subject, (sentCounts.get(subject) ?? 0) + 1);
    const sentOnce = confirmed.filter((reference) => sentCounts.get(`New appointment request ${reference}`) === 1).length;

    const where = SERVERS > 1 ? `${SERVERS} servers on one PostgreSQL database` : "one server, SQLite";
    console.log(`Appointment form under load: ${COUNT} concurrent submissions, ${where}`);
    console.log(`| figure | value |\n|---|---|`);
    console.log(`| confirmed to the patient | ${confirmed.length} / ${COUNT} |`);
    console.log(`| confirmed and stored exactly once | ${storedOnce} / ${confirmed.length} |`);
    console.log(`| rows in the store | ${stored.length} |`);
    console.log(`| staff emails sent exactly once | ${sentOnce} / ${confirmed.length} (${mail.subjects.length} emails in all) |`);
    console.log(`| latency p50 | ${percentile(latencies, 50).toFixed(0)} ms |`);
    console.log(`| latency p95 | ${percentile(latencies, 95).toFixed(0)} ms |`);
    console.log(`| latency max | ${latencies.at(-1)!.toFixed(0)} ms |`);
    console.log(`| wall time | ${wallMs.toFixed(0)} ms |`);
    const ok = confirmed.length === COUNT && storedOnce === COUNT && stored.length === COUNT && sentOnce === COUNT && mail.subjects.length === COUNT;
    if (!ok) {
      console.error("FAILED: not every submission was confirmed, stored exactly once and notified exactly once.");
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers) server.stop();
    await mail.stop();
    postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
