/**
 * Servers of a test's own: the built standalone server started as `npm start` starts it, with the settings a test
 * needs (a log that cannot be written, a low rate limit, a shared PostgreSQL database), and the form posted to it
 * as a browser without JavaScript posts it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  origin: string;
  dataDir: string;
  process: ChildProcess;
}

/** The standalone server with `env`, its output written to `logTo` (a file descriptor), data in a new folder. */
export async function startServer(name: string, env: Record<string, string>, logTo: number): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(process.env.E2E_RUN_DIR!, `${name}-`));
  const child = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ["ignore", logTo, logTo],
  });
  const origin = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 150; attempt += 1) {
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

const decodeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&amp;/g, "&");

export type FormOutcome = { outcome: "received"; reference: string } | { outcome: "rate-limited" | "unavailable" | "unexpected"; status: number };

/** Posts the form as a browser without JavaScript does, with the hidden fields React put in the page. */
export async function postForm(
  request: APIRequestContext,
  origin: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<FormOutcome> {
  const page = await (await request.get(`${origin}/request-appointment`)).text();
  const hidden = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [decodeHtml(name!), decodeHtml(value ?? "")]),
  );
  const response = await request.post(`${origin}/request-appointment`, {
    multipart: { ...hidden, phone: "501 555 0142", bestTime: "any", acknowledged: "on", ...fields },
    headers: { Origin: origin, ...headers },
  });
  const html = await response.text();
  const reference = /data-testid="reference">(MS-[A-Z0-9]{5})</.exec(html)?.[1];
  if (reference) return { outcome: "received", reference };
  if (html.includes("several requests from you")) return { outcome: "rate-limited", status: response.status() };
  if (html.includes("We could not save your request")) return { outcome: "unavailable", status: response.status() };
  return { outcome: "unexpected", status: response.status() };
}
