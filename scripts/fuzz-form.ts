/**
 * A hostile run against the appointment form and the server actions behind it: about 3,900 requests to a built
 * server, posted as browsers without JavaScript post them (and as scripts call the actions), in eight families:
 * addresses spoofed in X-Forwarded-For, the same details sent three times, the honeypot filled in every way,
 * hostile text in every field, posts the form must refuse (too large, from another website, the action called
 * with one argument), bodies and arguments Next cannot decode (and field names longer than its parser takes), the
 * form sent to other pages, and the staff inbox's actions called by someone signed out, from anywhere. Prints per
 * family the 5xx answers, the pages without the clinic's number, and the uncaught exceptions in the server's log;
 * whether the server survived; and how many rows were stored that should not have been.
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
  /**
   * An answer on the patients' side without the clinic's number: what a patient would be left with. A reply to a
   * page's script (RSC) is read by React, a redirect is followed, and the staff inbox answers staff in plain text.
   */
  withoutPhone: boolean;
  error?: string;
}

async function hiddenFields(): Promise<[string, string][]> {
  const html = await (await fetch(`${ORIGIN}/request-appointment`)).text();
  return formActionFields(html);
}

type Part = [string, string | Blob];

function formOf(parts: Part[]): FormData {
  const form = new FormData();
  for (const [name, value] of parts) form.append(name, value);
  return form;
}

async function post(
  family: string,
  parts: Part[],
  headers: Record<string, string> = {},
  body?: BodyInit,
  { path: target = "/request-appointment", origin = ORIGIN }: { path?: string; origin?: string | null } = {},
): Promise<Outcome> {
  try {
    const response = await fetch(`${ORIGIN}${target}`, {
      method: "POST",
      body: body ?? formOf(parts),
      headers: { ...(origin === null ? {} : { Origin: origin }), ...headers },
      redirect: "manual",
    });
    const text = await response.text();
    const readByScriptOrFollowed = (response.headers.get("content-type") ?? "").includes("text/x-component") || (response.status >= 300 && response.status < 400);
    const patientSide = !target.startsWith("/staff");
    return { family, status: response.status, withoutPhone: patientSide && !readByScriptOrFollowed && !text.includes("tel:+15012244001") };
  } catch (error) {
    return { family, status: 0, withoutPhone: false, error: (error as Error).message };
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

/** Arguments as a script could send them: JSON of any shape, and React's references ("$…") of every kind. */
const hostileArguments = fc.oneof(
  fc.json(),
  fc.constantFrom("[", "{}", "[]", '"$T"', '["$Q1"]', '["$F1"]', '["$@5"]', '[{},"$K1",{}]', '["$h1"]', '[{"a":"$D2020"},"$K1"]', '["$n1e400"]'),
  fc.array(fc.oneof(fc.string().map((text) => `$${text}`), fc.json().map((json) => JSON.parse(json) as unknown)), { maxLength: 4 }).map((args) => JSON.stringify(args)),
);

/** A multipart body cut short or mangled after a good start. */
const brokenBodies = fc.tuple(fc.string({ maxLength: 200 }), fc.boolean()).map(
  ([tail, named]) => `--x\r\nContent-Disposition: form-data; ${named ? 'name="fullName"' : ""}\r\n\r\n${tail}`,
);

/** Every server action of the build, named as Next names them: what an attacker reads from the page's scripts. */
function serverActions(): { id: string; name: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => ({ id, name: action.exportedName ?? id }));
}

async function main() {
  if (!fs.existsSync(path.join(PROJECT_DIR, ".next", "BUILD_ID"))) throw new Error(`${PROJECT_DIR} has no build: run npm run build there first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-form-"));
  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "w");
  const server = await startNextServer({
    cwd: PROJECT_DIR,
    port: PORT,
    env: { DATA_DIR: dataDir, RATE_LIMIT_MAX: String(PER_CLIENT_LIMIT), RATE_LIMIT_GLOBAL_MAX: "100000" },
    output: log,
  });
  const outcomes: Outcome[] = [];
  const uncaught = new Map<string, number>();
  /** The uncaught exceptions the server logged since the last call, charged to a family (they run one at a time). */
  let uncaughtSeen = 0;
  const chargeUncaught = async (family: string) => {
    // One more answer first: by then the server has dealt with every earlier connection's end, where they arise.
    await fetch(`${ORIGIN}/api/health`).catch(() => undefined);
    const total = fs.readFileSync(logFile, "utf8").split("uncaughtException").length - 1;
    uncaught.set(family, (uncaught.get(family) ?? 0) + total - uncaughtSeen);
    uncaughtSeen = total;
  };
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
    await chargeUncaught("spoofed address");
    // 2. The same details three times each from the same client (reloads, retries): one row each.
    outcomes.push(
      ...(await runAll([...Array(150).keys()], (index) => {
        const patient = Math.floor(index / 3);
        return post("same details again", [...hidden, ...valid(`Repeat Patient ${patient}`)], { "X-Forwarded-For": `10.2.0.${patient}` });
      })),
    );
    await chargeUncaught("same details again");
    // 3. The honeypot, however a bot fills it: nothing stored.
    const honeypots: Part[][] = [[["website", "http://spam.example"]], [["website", ""], ["website", "x"]], [["website", new Blob(["x"])]]];
    outcomes.push(
      ...(await runAll([...Array(150).keys()], (index) =>
        post("honeypot", [...hidden, ...valid(`Bot Number ${index}`), ...honeypots[index % 3]!], { "X-Forwarded-For": `10.3.${index >> 8}.${index & 255}` }),
      )),
    );
    await chargeUncaught("honeypot");
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
    await chargeUncaught("hostile text");
    // 5. What the form must refuse, each with the phone number: too large, from another site, the action misused.
    const big = "x".repeat(70 * 1024);
    outcomes.push(
      ...(await runAll([...Array(300).keys()], (index) => {
        if (index % 3 === 0) return post("refused: too large", [...hidden, ...valid("Big Body"), ["reason", big]]);
        if (index % 3 === 1) return post("refused: other website", [...hidden, ...valid("Foreign Origin")], { Origin: "https://attacker.example" });
        return post("refused: one argument", [], { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" }, "[]");
      })),
    );
    for (const family of ["refused: too large", "refused: other website", "refused: one argument"]) await chargeUncaught(family);

    // 6. What Next cannot decode: a broken body, arguments that are not React's encoding, a very long field name.
    const asScript = (parts: Part[]): Part[] => parts.map(([name, value]) => [`_1_${name}`, value]);
    const broken = fc.sample(brokenBodies, { numRuns: 100, seed: 20261202 });
    const argumentsSent = fc.sample(hostileArguments, { numRuns: 200, seed: 20261203 });
    const nameLengths = fc.sample(fc.integer({ min: 101, max: 40 * 1024 }), { numRuns: 100, seed: 20261204 });
    const undecodable = [
      ...broken.flatMap((body) => [
        () => post("undecodable", [], { "Content-Type": "multipart/form-data; boundary=x" }, body),
        () => post("undecodable", [], { "Content-Type": "multipart/form-data; boundary=x", "Next-Action": actionId }, body),
      ]),
      ...argumentsSent.flatMap((args) => [
        () => post("undecodable", [], { "Content-Type": "text/plain;charset=UTF-8", "Next-Action": actionId }, args),
        () => post("undecodable", [...asScript(valid("Odd Arguments")), ["0", args]], { "Next-Action": actionId }),
        () => post("undecodable", [...hidden.map(([name, value]): Part => [name, name.endsWith(":1") ? args : value]), ...valid("Odd Bound")]),
      ]),
      ...nameLengths.flatMap((length) => [
        () => post("undecodable", [...hidden, ...valid("Long Name"), ["n".repeat(length), "x"]]),
        () => post("undecodable", [...asScript([...valid("Long Name"), ["n".repeat(length), "x"]]), ["0", '[{"status":"idle"},"$K1"]']], { "Next-Action": actionId }),
      ]),
    ];
    outcomes.push(...(await runAll(undecodable, (send) => send())));
    await chargeUncaught("undecodable");

    // 7. The form sent to pages that take no form, as a browser without JavaScript and as its script would.
    const otherPages = ["/", "/mild-procedure", "/faq", "/no-such-page", "/robots.txt", "/staff/sign-in"];
    outcomes.push(
      ...(await runAll([...Array(120).keys()], (index) => {
        const target = otherPages[index % otherPages.length]!;
        return index % 2
          ? post("another page", [...hidden, ...valid("Elsewhere Patient")], {}, undefined, { path: target })
          : post("another page", [...asScript(valid("Elsewhere Patient")), ["0", '[{"status":"idle"},"$K1"]']], { "Next-Action": actionId }, undefined, { path: target });
      })),
    );
    await chargeUncaught("another page");

    // 8. Every staff action called by someone signed out, sent anywhere: with no Origin, this site's, another's;
    //    React's encoding or not; small or over the limit. Next passes a call to a page without the action on.
    const staffActions = serverActions().filter((action) => action.id !== actionId);
    const staffTargets = ["/", "/request-appointment", "/staff/sign-in", "/staff/requests/MS-ABCDE", "/staff/users", "/staff/enroll"];
    const origins = [null, ORIGIN, "https://attacker.example"];
    outcomes.push(
      ...(await runAll([...Array(720).keys()], (index) => {
        const action = staffActions[index % staffActions.length]!;
        const target = staffTargets[Math.floor(index / staffActions.length) % staffTargets.length]!;
        const origin = origins[index % origins.length]!;
        const note = index % 5 === 0 ? "x".repeat(70 * 1024) : "called";
        const args = index % 4 === 0 ? argumentsSent[index % argumentsSent.length]! : '[{},"$K1"]';
        const parts: Part[] = [["0", args], ["_1_reference", "MS-ABCDE"], ["_1_status", "closed"], ["_1_note", note], ["_1_email", "nobody@example.com"]];
        return post("staff actions, signed out", parts, { "Next-Action": action.id }, undefined, { path: target, origin });
      })),
    );
    await chargeUncaught("staff actions, signed out");
    stillServing = (await fetch(ORIGIN)).ok;
  } finally {
    server.stop();
    fs.closeSync(log);
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
  console.log("| family | requests | 5xx | no answer | patients' answers without the phone number | uncaught exceptions logged |\n|---|---|---|---|---|---|");
  for (const family of families) {
    const mine = outcomes.filter((outcome) => outcome.family === family);
    console.log(
      `| ${family} | ${mine.length} | ${mine.filter((o) => o.status >= 500).length} | ${mine.filter((o) => o.status === 0).length} | ${mine.filter((o) => o.withoutPhone).length} | ${uncaught.get(family) ?? 0} |`,
    );
  }
  console.log(`\nServer still answering afterwards: ${stillServing ? "yes" : "NO"}`);
  console.log("Rows stored that should not have been:");
  for (const [what, count] of Object.entries(shouldNot)) console.log(`  ${what}: ${count}`);
  const fivexx = outcomes.filter((outcome) => outcome.status >= 500).length;
  const withoutPhone = outcomes.filter((outcome) => outcome.withoutPhone).length;
  const uncaughtTotal = [...uncaught.values()].reduce((sum, count) => sum + count, 0);
  const extraRows = Object.values(shouldNot).reduce((sum, count) => sum + count, 0);
  console.log(
    `\nTotal: ${fivexx} answers 5xx, ${withoutPhone} patients' answers without the phone number, ${uncaughtTotal} uncaught exceptions logged, ` +
      `${extraRows} rows that should not be stored, ${stored.length} rows in all.`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (fivexx > 0 || withoutPhone > 0 || uncaughtTotal > 0 || extraRows > 0 || !stillServing) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
