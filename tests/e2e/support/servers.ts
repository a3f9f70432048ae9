/**
 * Servers of a test's own: the built standalone server started as `npm start` starts it, with the settings a test
 * needs (a log that cannot be written, a low rate limit, a shared PostgreSQL database), and the form posted to it
 * as a browser without JavaScript posts it.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { formActionFields } from "../../../scripts/lib/form-fields";
import { freePort } from "../../../scripts/lib/free-port";
import { startNextServer, type RunningServer } from "../../../scripts/lib/serve";

export interface TestServer extends RunningServer {
  dataDir: string;
}

/** The standalone server with `env`, its output written to `logTo` (a file descriptor), data in a new folder. */
export async function startServer(name: string, env: Record<string, string>, logTo: number): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(process.env.E2E_RUN_DIR!, `${name}-`));
  const server = await startNextServer({ port: await freePort(), env: { DATA_DIR: dataDir, ...env }, output: logTo });
  return { ...server, dataDir };
}

export type FormOutcome = { outcome: "received"; reference: string } | { outcome: "rate-limited" | "unavailable" | "unexpected"; status: number };

/** Posts the form as a browser without JavaScript does, with the hidden fields React put in the page. */
export async function postForm(
  request: APIRequestContext,
  origin: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<FormOutcome> {
  const page = await (await request.get(`${origin}/request-appointment`)).text();
  const hidden = Object.fromEntries(formActionFields(page));
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
