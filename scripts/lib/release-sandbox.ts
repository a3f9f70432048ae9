/**
 * A server's release path in a temporary folder, for `tests/releases` and `npm run bench:releases`: a git
 * repository holding this project (the "remote"), the operator's checkout of it, SITE_ROOT, DATA_DIR, and the
 * `npm run site` command run as a timer would run it. Real builds, real processes, a real port.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formActionFields } from "./form-fields";
import { freePort } from "./free-port";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(PROJECT, "node_modules", ".bin", "tsx");
const SITE_COMMAND = path.join(PROJECT, "scripts", "site.ts");

/** An example domain: the release path accepts it (only the launch check lists it), and it reaches no one. */
const SANDBOX_PUBLIC_SITE_URL = "https://clinic.example.org";

export type ReleaseSandbox = Awaited<ReturnType<typeof createReleaseSandbox>>;

export async function createReleaseSandbox() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "mocek-releases-"));
  const origin = path.join(work, "origin");
  const checkout = path.join(work, "checkout");
  const siteRoot = path.join(work, "site");
  const dataDir = path.join(work, "data");
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const appointmentsKey = randomBytes(32).toString("base64");
  const env = {
    ...process.env,
    SITE_ROOT: siteRoot,
    // The public address the releases are built for: the release path refuses one on this computer (its links
    // would point at the reader's own), so not siteUrl, where the sandbox's client reaches the supervisor.
    SITE_URL: SANDBOX_PUBLIC_SITE_URL,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    APPOINTMENTS_KEY: appointmentsKey,
    // The operator's checkout is a clone of the developers' repository, where the commits land: update fetches there.
    CONTENT_GIT_REMOTE: "origin",
    // The traffic below is many patients from many addresses; the site-wide cap is not what is measured.
    RATE_LIMIT_GLOBAL_MAX: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Release Test", "-c", "user.email=release-test@example.com", ...args], { cwd, encoding: "utf8" }).trim();

  // The project as it is now, committed in a repository of the sandbox's own.
  fs.mkdirSync(origin);
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(PROJECT, file))) continue;
    fs.mkdirSync(path.dirname(path.join(origin, file)), { recursive: true });
    fs.copyFileSync(path.join(PROJECT, file), path.join(origin, file));
  }
  git(origin, "init", "-q", "-b", "main");
  git(origin, "add", "-A");
  git(origin, "commit", "-q", "-m", "The site as it is");
  // The operator's checkout, with its npm ci done (here: the project's own node_modules, linked).
  git(work, "clone", "-q", origin, checkout);
  try {
    execFileSync("cp", ["-al", path.join(PROJECT, "node_modules"), path.join(checkout, "node_modules")]);
  } catch {
    execFileSync("cp", ["-a", path.join(PROJECT, "node_modules"), path.join(checkout, "node_modules")]);
  }

  let supervisor: ChildProcess | undefined;
  let supervisorLog = "";
  /** Each line the supervisor printed, with when it arrived (ms, performance.now()). */
  const supervisorLines: { at: number; line: string }[] = [];

  return {
    work,
    origin,
    siteRoot,
    dataDir,
    siteUrl,
    head: () => git(origin, "rev-parse", "HEAD"),

    /** Commits a change in the remote repository; returns the new commit. */
    commit(message: string, change: (root: string) => void): string {
      change(origin);
      git(origin, "add", "-A");
      git(origin, "commit", "-q", "-m", message);
      return git(origin, "rev-parse", "HEAD");
    },

    /** `npm run site -- …` as the timer or an operator runs it: in the checkout, with the service's settings. */
    site(...args: string[]): Promise<{ code: number; output: string }> {
      return new Promise((resolve) => {
        const child = spawn(TSX, [SITE_COMMAND, ...args], { cwd: checkout, env });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        child.on("close", (code) => resolve({ code: code ?? 1, output }));
      });
    },

    /** The service: `npm run site -- serve`. Its output is kept for `supervisorLog()`. */
    startSupervisor() {
      supervisor = spawn(TSX, [SITE_COMMAND, "serve"], { cwd: checkout, env });
      const keep = (chunk: Buffer) => {
        supervisorLog += chunk;
        for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) supervisorLines.push({ at: performance.now(), line });
      };
      supervisor.stdout!.on("data", keep);
      supervisor.stderr!.on("data", keep);
    },
    supervisorLog: () => supervisorLog,
    supervisorLines: () => supervisorLines,

    async health(): Promise<{ status: string; release: { commit: string; committedAt: string | null } }> {
      const response = await fetch(`${siteUrl}/api/health`);
      return (await response.json()) as { status: string; release: { commit: string; committedAt: string | null } };
    },

    startTraffic: () => startTraffic(siteUrl),

    async cleanup() {
      if (supervisor && supervisor.exitCode === null) {
        supervisor.kill("SIGTERM");
        await new Promise((resolve) => supervisor!.once("exit", resolve));
      }
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A change to one file of a commit. */
export function editFile(file: string, edit: (text: string) => string) {
  return (root: string) => fs.writeFileSync(path.join(root, file), edit(fs.readFileSync(path.join(root, file), "utf8")));
}

let patientsSoFar = 0;

/**
 * A steady client: `/`, a content page and `/api/health` every 20 ms, the appointment form every 500 ms (each from
 * its own address, as different patients). Every answer that is not what a patient should get is a failure.
 */
function startTraffic(siteUrl: string) {
  const failures: string[] = [];
  const confirmed: string[] = [];
  let running = true;
  let posted = 0;
  let requests = 0;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const get = async (pathname: string) => {
    requests += 1;
    try {
      const response = await fetch(`${siteUrl}${pathname}`);
      await response.arrayBuffer();
      if (response.status !== 200) failures.push(`GET ${pathname}: ${response.status}`);
    } catch (error) {
      failures.push(`GET ${pathname}: ${(error as Error).cause ?? (error as Error).message}`);
    }
  };
  const post = async (index: number) => {
    requests += 2;
    try {
      const page = await (await fetch(`${siteUrl}/request-appointment`)).text();
      const form = new FormData();
      for (const [name, value] of formActionFields(page)) form.append(name, value);
      const fields = { fullName: `Release Patient ${index} ${randomBytes(3).toString("hex")}`, phone: "501 555 0142", bestTime: "any", acknowledged: "on" };
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      // A patient of its own (the rate limit counts per address), unique across every traffic run of the process.
      const patient = (patientsSoFar += 1);
      const address = `10.${Math.floor(patient / 62_500) % 250}.${Math.floor(patient / 250) % 250}.${patient % 250}`;
      const response = await fetch(`${siteUrl}/request-appointment`, { method: "POST", body: form, headers: { Origin: siteUrl, "X-Forwarded-For": address } });
      const html = await response.text();
      const reference = /data-testid="reference">(MS-[A-Z0-9]{5})</.exec(html)?.[1];
      if (reference) confirmed.push(reference);
      else failures.push(`POST /request-appointment: ${response.status}, ${html.includes("several requests from you") ? "rate-limited" : "no reference"}`);
    } catch (error) {
      failures.push(`POST /request-appointment: ${(error as Error).cause ?? (error as Error).message}`);
    }
  };
  const loops = [
    (async () => {
      while (running) await Promise.all([get("/"), get("/mild-procedure"), get("/api/health"), pause(20)]);
    })(),
    (async () => {
      while (running) await Promise.all([post(posted++), pause(500)]);
    })(),
  ];
  return {
    failures,
    confirmed,
    async stop() {
      running = false;
      await Promise.all(loops);
      return { failures, confirmed, posted, requests };
    },
  };
}
