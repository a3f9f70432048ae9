/**
 * A hostile run against the appointment form: about 2,100 requests to a built server, posted as browsers without
 * JavaScript post them (and as scripts call the action), in five families: addresses spoofed in X-Forwarded-For,
 * the same details sent three times, the honeypot filled in every way, hostile text in every field, and posts the
 * form must refuse (too large, from another website, the action called with one argument). Prints how many
 * answers were 5xx, whether the server survived, and how many rows were stored that should not have been.
 *
 *   npm run fuzz:form                 against this project's build
 *   npm run fuzz:form -- --dir PATH   against another built checkout (e.g. an older commit, for a before figure)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { openRequest } from "@/lib/appointments/requests";
import { openAppointmentData } from "@/lib/appointments/runtime";
import { parseServerEnv } from "@/lib/env";
import { formActionFields } from "./lib/form-fields";
import { startNextServer } from "./lib/serve";

const dirFlag = process.argv.indexOf("--dir");
const PROJECT_DIR = path.resolve(dirFlag > 0 ? process.argv[dirFlag + 1]! : ".");
const PORT = Number(process.env.FUZZ_PORT ?? 3950);
const ORIGIN = `http://localhost:${PORT}`;
const PER_CLIENT_LIMIT = 5;
const CONCURRENCY = 8;
/** What a reverse proxy in front of the site appends: the address it saw. */
const PROXY_SEEN = "192.0.2.10";

interface Outcome {
  family: string;
  status: number;
  phoneShown: boolean;
  error?: string;
}

async function hiddenFields(): Promise<[string, string][]> {
  const html = await (await fetch(`${ORIGIN}/request-appointment`)).text();
  return formActionFields(html);
}

type Part = [string, string | Blob];

async function post(family: string, parts: Part[], headers: Record<string, string> = {}, body?: BodyInit): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of parts) form.append(name, value);
  try {
    const response = await fetch(`${ORIGIN}/request-appointment`, { method: "POST", body: body ?? form, headers: { Origin: ORIGIN, ...headers } });
    const text = await response.text();
    return { family, status: response.status, phoneShown: text.includes("tel:+15012244001") };
  } catch (error) {
    return { family, status: 0, phoneShown: false, error: (error as Error).message };
  }
}

const valid = (name: string): Part[] => [
  ["fullName", name],
  ["phone", "501 555 0142"],
  ["bestTime", "any"],
  ["acknowledged", "on"],
];

/** Text that attackers and odd keyboards send: direction controls, invisible, astral and control characters. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", "Z", " ", "5", "\u00E9", "\u202E", "\u202A", "\u2066", "\u2069", "\u200B", "\uFEFF", "\u{1F600}", "\u0301", "\n", "\u0000", "=", "<", '"'),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 700,
});

async function runAll<T>(items: T[], worker: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
  const results: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) results.push(await worker(items[next++]!));
    }),
  );
  return results;
}

async function main() {
  if (!fs.existsSync(path.join(PROJECT_DIR, ".next", "BUILD_ID"))) throw new Error(`${PROJECT_DIR} has no build: run npm run build there first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-form-"));
  const server = await startNextServer({
    cwd: PROJECT_DIR,
    port: PORT,
    env: { DATA_DIR: dataDir, RATE_LIMIT_MAX: String(PER_CLIENT_LIMIT), RATE_LIMIT_GLOBAL_MAX: "100000" },
  });
  const outcomes: Outcome[] = [];
  let stillServing = false;
  try {
    const hidden = await hiddenFields();
    const actionId = /"id":"([0-9a-f]+)"/.exec(hidden.map(([, value]) => value).join(" "))?.[1] ?? "";

    // 1. One client behind a proxy, a new made-up address per request on the left: at most PER_CLIENT_LIMIT stored.
    outcomes.push(
      ...(await runAll([...Array(300).keys()], (index) =>
        post("spoofed address", [...hidden, ...valid(`Spoofer Number ${index}`)], { "X-Forwarded-For": `198.18.${index >> 8}.${index & 255}, ${PROXY_SEEN}` }),
      )),
    );
    // 2. The same details three times each from the same client (reloads, retries): one row each.
    outcomes.push(
      ...(await runAll([...Array(150).keys()], (index) => {
        const patient = Math.floor(index / 3);
        return post("same details again", [...hidden, ...valid(`Repeat Patient ${patient}`)], { "X-Forwarded-For": `10.2.0.${patient}` });
      })),
    );
    // 3. The honeypot, however a bot fills it: nothing stored.
    const honeypots: Part[][] = [[["website", "http://spam.example"]], [["website", ""], ["website", "x"]], [["website", new Blob(["x"])]]];
    outcomes.push(
      ...(await runAll([...Array(150).keys()], (index) =>
        post("honeypot", [...hidden, ...valid(`Bot Number ${index}`), ...honeypots[index % 3]!], { "X-Forwarded-For": `10.3.${index >> 8}.${index & 255}` }),
      )),
    );
    // 4. Hostile text in every field, from many clients: nothing stored that the rules forbid.
    const texts = fc.sample(fc.tuple(hostileText, hostileText, hostileText, hostileText), { numRuns: 1200, seed: 20261201 });
    outcomes.push(
      ...(await runAll(texts.map((fields, index) => ({ fields, index })), ({ fields: [fullName, phone, email, reason], index }) =>
        post(
          "hostile text",
          [...hidden, ["fullName", fullName], ["phone", index % 2 ? phone : "501 555 0142"], ["email", email], ["bestTime", "any"], ["reason", reason], ["acknowledged", "on"]],
          { "X-Forwarded-For": `10.4.${index >> 8}.${index & 255}` },
        ),
      )),
    );
    // 5. What the form must refuse, each with the phone number: too large, from another site, the action misused.
    const big = "x".repeat(70 * 1024);
    outcomes.push(
      ...(await runAll([...Array(300).keys()], (index) => {
        if (index % 3 === 0) return post("refused: too large", [...hidden, ...valid("Big Body"), ["reason", big]]);
        if (index % 3 === 1) return post("refused: other website", [...hidden, ...valid("Foreign Origin")], { Origin: "https://attacker.example" });
        return post("refused: one argument", [], { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" }, "[]");
      })),
    );
    stillServing = (await fetch(ORIGIN)).ok;
  } finally {
    server.stop();
  }

  const { store, keys } = await openAppointmentData(parseServerEnv({ DATA_DIR: dataDir }));
  const stored = (await store.listRequests()).map((request) => openRequest(keys.encryption, request));
  await store.close();
  const named = (prefix: string) => stored.filter((request) => request.fullName.startsWith(prefix)).length;
  const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
  const breaksRules = stored.filter(
    (request) =>
      forbidden.test(request.fullName + (request.reason ?? "")) ||
      !/\p{L}/u.test(request.fullName) ||
      [...request.fullName].length > 100 ||
      [...(request.reason ?? "")].length > 500,
  ).length;
  const spoofedStored = named("Spoofer");
  const repeatStored = named("Repeat Patient");
  const shouldNot = {
    "beyond the per-client limit (spoofed addresses)": Math.max(0, spoofedStored - PER_CLIENT_LIMIT),
    "the same details stored twice": repeatStored - new Set(stored.filter((r) => r.fullName.startsWith("Repeat")).map((r) => r.fullName)).size,
    "honeypot filled": named("Bot Number"),
    "breaking the form's rules": breaksRules,
    "refused posts": named("Big Body") + named("Foreign Origin"),
  };

  const families = [...new Set(outcomes.map((outcome) => outcome.family))];
  console.log(`Hostile run against ${PROJECT_DIR} (${outcomes.length} requests, ${CONCURRENCY} at a time)`);
  console.log("| family | requests | 5xx | no answer | answers without the phone number |\n|---|---|---|---|---|");
  for (const family of families) {
    const mine = outcomes.filter((outcome) => outcome.family === family);
    const isPage = !family.includes("one argument");
    console.log(
      `| ${family} | ${mine.length} | ${mine.filter((o) => o.status >= 500).length} | ${mine.filter((o) => o.status === 0).length} | ${isPage ? mine.filter((o) => o.status > 0 && !o.phoneShown).length : "n/a (RSC reply)"} |`,
    );
  }
  console.log(`\nServer still answering afterwards: ${stillServing ? "yes" : "NO"}`);
  console.log("Rows stored that should not have been:");
  for (const [what, count] of Object.entries(shouldNot)) console.log(`  ${what}: ${count}`);
  const fivexx = outcomes.filter((outcome) => outcome.status >= 500).length;
  const extraRows = Object.values(shouldNot).reduce((sum, count) => sum + count, 0);
  console.log(`\nTotal: ${fivexx} answers 5xx, ${extraRows} rows that should not be stored, ${stored.length} rows in all.`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (fivexx > 0 || extraRows > 0 || !stillServing) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
