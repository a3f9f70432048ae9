/**
 * Load check of the appointment form: 200 concurrent submissions over HTTP to `next start`, posted exactly as a
 * browser without JavaScript posts them. Prints p50/p95 latency and checks that every request the server
 * confirmed is stored exactly once. Usage: npm run bench:form [-- --count 200]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openAppointmentData } from "@/lib/appointments/runtime";
import { parseServerEnv } from "@/lib/env";
import { startNextServer } from "./lib/serve";

const countFlag = process.argv.indexOf("--count");
const COUNT = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 200;
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const ORIGIN = `http://localhost:${PORT}`;

function decodeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The hidden fields React renders into the form for a server action without JavaScript. */
async function actionFields(): Promise<[string, string][]> {
  const html = await (await fetch(`${ORIGIN}/request-appointment`)).text();
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [
    decodeHtml(name!),
    decodeHtml(value ?? ""),
  ]);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-form-"));
  const server = await startNextServer({ port: PORT, env: { DATA_DIR: dataDir, RATE_LIMIT_MAX: "1000000", RATE_LIMIT_GLOBAL_MAX: "1000000" } });
  try {
    const hidden = await actionFields();
    const submitOne = async (index: number) => {
      const body = new FormData();
      for (const [name, value] of hidden) body.append(name, value);
      body.append("fullName", `Bench Patient ${index}`);
      body.append("phone", "501-555-0100");
      body.append("bestTime", "any");
      body.append("acknowledged", "on");
      const started = performance.now();
      const response = await fetch(`${ORIGIN}/request-appointment`, { method: "POST", body, headers: { Origin: ORIGIN } });
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
    const { store } = await openAppointmentData(parseServerEnv({ DATA_DIR: dataDir }));
    const stored = (await store.listRequests()).map((request) => request.reference);
    await store.close();
    const storedCounts = new Map<string, number>();
    for (const reference of stored) storedCounts.set(reference, (storedCounts.get(reference) ?? 0) + 1);
    const storedOnce = confirmed.filter((reference) => storedCounts.get(reference) === 1).length;

    console.log(`Appointment form under load: ${COUNT} concurrent submissions to next start (${ORIGIN})`);
    console.log(`| figure | value |\n|---|---|`);
    console.log(`| confirmed to the patient | ${confirmed.length} / ${COUNT} |`);
    console.log(`| confirmed and stored exactly once | ${storedOnce} / ${confirmed.length} |`);
    console.log(`| rows in the store | ${stored.length} |`);
    console.log(`| latency p50 | ${percentile(latencies, 50).toFixed(0)} ms |`);
    console.log(`| latency p95 | ${percentile(latencies, 95).toFixed(0)} ms |`);
    console.log(`| latency max | ${latencies.at(-1)!.toFixed(0)} ms |`);
    console.log(`| wall time | ${wallMs.toFixed(0)} ms |`);
    const ok = confirmed.length === COUNT && storedOnce === COUNT && stored.length === COUNT;
    if (!ok) {
      console.error("FAILED: not every submission was confirmed and stored exactly once.");
      process.exitCode = 1;
    }
  } finally {
    server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
