/**
 * The form under faults and abuse, each against a server of its own (the built standalone server, started as
 * `npm start` starts it) with the settings the fault needs: a log that cannot be written, a low rate limit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { openAppointmentData } from "../../lib/appointments/runtime";
import { parseServerEnv } from "../../lib/env";

const runDir = process.env.E2E_RUN_DIR!;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface TestServer {
  origin: string;
  dataDir: string;
  process: ChildProcess;
}

/** The standalone server with `env`, its output written to `logTo` (a file descriptor). */
async function startServer(name: string, env: Record<string, string>, logTo: number): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(runDir, `${name}-`));
  const child = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ["ignore", logTo, logTo],
  });
  const origin = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(origin)).ok) return { origin, dataDir, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`the ${name} server did not start on ${origin}`);
}

async function storedCount(dataDir: string): Promise<number> {
  const { store } = await openAppointmentData(parseServerEnv({ DATA_DIR: dataDir }));
  try {
    return (await store.listRequests()).length;
  } finally {
    await store.close();
  }
}

/** Posts the form as a browser without JavaScript does, with the hidden fields React put in the page. */
async function postForm(request: APIRequestContext, origin: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const page = await (await request.get(`${origin}/request-appointment`)).text();
  const hidden = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [
      name!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
      (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    ]),
  );
  const response = await request.post(`${origin}/request-appointment`, {
    multipart: { ...hidden, phone: "501 555 0142", bestTime: "any", acknowledged: "on", ...fields },
    headers: { Origin: origin, ...headers },
  });
  const html = await response.text();
  if (html.includes('data-testid="reference"')) return "received";
  if (html.includes("several requests from you")) return "rate-limited";
  if (html.includes("We could not save your request")) return "unavailable";
  return `unexpected ${response.status()}`;
}

test.describe("the appointment form under faults and abuse", () => {
  test("with every log write failing (a full disk), the server keeps answering and stores every request", async ({ request }) => {
    // /dev/full fails every write with ENOSPC, as a log file on a full disk does.
    const full = fs.openSync("/dev/full", "w");
    const server = await startServer("full-disk", {}, full);
    try {
      for (let index = 0; index < 3; index += 1) {
        expect(await postForm(request, server.origin, { fullName: `Full Disk ${index}` })).toBe("received");
      }
      expect((await request.get(`${server.origin}/`)).status()).toBe(200);
      expect((await request.get(`${server.origin}/no-such-page`)).status()).toBe(404);
      expect(await storedCount(server.dataDir)).toBe(3);
    } finally {
      server.process.kill();
      fs.closeSync(full);
    }
  });

  test("behind a proxy, addresses a client writes into X-Forwarded-For do not dodge the limit or lock out others", async ({ request }) => {
    const log = fs.openSync(path.join(runDir, "rate-limit-server.log"), "w");
    const server = await startServer("rate-limit", { RATE_LIMIT_MAX: "3", RATE_LIMIT_GLOBAL_MAX: "1000" }, log);
    try {
      // nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the address nginx saw.
      const results = [];
      for (let index = 0; index < 6; index += 1) {
        const spoofed = `203.0.113.${index}, ::ffff:198.51.100.${index}`;
        results.push(await postForm(request, server.origin, { fullName: `Rotating ${index}` }, { "X-Forwarded-For": `${spoofed}, 192.0.2.10` }));
      }
      expect(results).toEqual(["received", "received", "received", "rate-limited", "rate-limited", "rate-limited"]);

      // An IPv6 client rotating within its /64 is one client.
      const ipv6 = [];
      for (let index = 1; index <= 4; index += 1) {
        ipv6.push(await postForm(request, server.origin, { fullName: `Six ${index}` }, { "X-Forwarded-For": `2001:db8:5:6::${index}` }));
      }
      expect(ipv6).toEqual(["received", "received", "received", "rate-limited"]);

      // Posts claiming to come from another patient's address (in any spelling) count against the sender only.
      for (let index = 0; index < 5; index += 1) {
        await postForm(request, server.origin, { fullName: `Framer ${index}` }, { "X-Forwarded-For": "::ffff:198.51.100.77, 192.0.2.99" });
      }
      expect(await postForm(request, server.origin, { fullName: "Framed Patient" }, { "X-Forwarded-For": "198.51.100.77" })).toBe("received");
    } finally {
      server.process.kill();
      fs.closeSync(log);
    }
  });
});
