/**
 * The form under faults and abuse, each against a server of its own (the built standalone server, started as
 * `npm start` starts it) with the settings the fault needs: a log that cannot be written, a low rate limit.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openAppointmentData } from "../../lib/appointments/runtime";
import { parseServerEnv } from "../../lib/env";
import { formActionFields } from "../../scripts/lib/form-fields";
import { freePort } from "../../scripts/lib/free-port";
import { startNextServer } from "../../scripts/lib/serve";
import { postForm, startServer, type TestServer } from "./support/servers";

const runDir = process.env.E2E_RUN_DIR!;

async function storedCount(dataDir: string): Promise<number> {
  const { store } = await openAppointmentData(parseServerEnv({ DATA_DIR: dataDir }));
  try {
    return (await store.listRequests()).length;
  } finally {
    await store.close();
  }
}

/** Where a post ended: received, rate-limited, unavailable or unexpected. */
const outcomeOf = async (...args: Parameters<typeof postForm>) => (await postForm(...args)).outcome;

test.describe("the appointment form under faults and abuse", () => {
  test("with every log write failing (a full disk), the server keeps answering and stores every request", async ({ request }) => {
    // /dev/full fails every write with ENOSPC, as a log file on a full disk does.
    const full = fs.openSync("/dev/full", "w");
    const server = await startServer("full-disk", {}, full);
    try {
      for (let index = 0; index < 3; index += 1) {
        expect(await outcomeOf(request, server.origin, { fullName: `Full Disk ${index}` })).toBe("received");
      }
      expect((await request.get(`${server.origin}/`)).status()).toBe(200);
      expect((await request.get(`${server.origin}/no-such-page`)).status()).toBe(404);
      expect(await storedCount(server.dataDir)).toBe(3);
    } finally {
      server.stop();
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
        results.push(await outcomeOf(request, server.origin, { fullName: `Rotating ${index}` }, { "X-Forwarded-For": `${spoofed}, 192.0.2.10` }));
      }
      expect(results).toEqual(["received", "received", "received", "rate-limited", "rate-limited", "rate-limited"]);

      // An IPv6 client rotating within its /64 is one client.
      const ipv6 = [];
      for (let index = 1; index <= 4; index += 1) {
        ipv6.push(await outcomeOf(request, server.origin, { fullName: `Six ${index}` }, { "X-Forwarded-For": `2001:db8:5:6::${index}` }));
      }
      expect(ipv6).toEqual(["received", "received", "received", "rate-limited"]);

      // Posts claiming to come from another patient's address (in any spelling) count against the sender only.
      for (let index = 0; index < 5; index += 1) {
        await outcomeOf(request, server.origin, { fullName: `Framer ${index}` }, { "X-Forwarded-For": "::ffff:198.51.100.77, 192.0.2.99" });
      }
      expect(await outcomeOf(request, server.origin, { fullName: "Framed Patient" }, { "X-Forwarded-For": "198.51.100.77" })).toBe("received");
    } finally {
      server.stop();
      fs.closeSync(log);
    }
  });
});

/**
 * Posts a script sends where a browser never would: each must be answered with the clinic's number (a patient's
 * page) or a plain refusal (the staff inbox), never a 5xx, and the server must log no uncaught exception. Next
 * answers most of these itself with a bare "Internal Server Error" (or plain text) before any code of ours runs.
 */
test.describe("posts Next cannot read, or that go to the wrong place", () => {
  test.describe.configure({ mode: "serial" });
  const CLINIC_PHONE_LINK = 'href="tel:+15012244001"';
  let server: TestServer;
  let log: number;
  const logFile = path.join(runDir, "malformed-posts-server.log");

  test.beforeAll(async () => {
    log = fs.openSync(logFile, "w");
    server = await startServer("malformed-posts", {}, log);
  });

  test.afterAll(() => {
    server.stop();
    fs.closeSync(log);
  });

  /** The hidden fields a page renders for its form's server action, and the action's id among them. */
  async function actionFieldsOf(pathname: string): Promise<{ hidden: [string, string][]; actionId: string }> {
    const hidden = formActionFields(await (await fetch(`${server.origin}${pathname}`)).text());
    const descriptor = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1] ?? "{}";
    return { hidden, actionId: (JSON.parse(descriptor) as { id: string }).id };
  }

  const formFields: [string, string][] = [
    ["fullName", "Malformed Patient"],
    ["phone", "501 555 0142"],
    ["bestTime", "any"],
    ["acknowledged", "on"],
  ];

  function multipart(fields: [string, string][]): FormData {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return form;
  }

  async function expectClinicNumber(label: string, response: Response) {
    const html = await response.text();
    expect(response.status, label).toBeLessThan(500);
    expect(response.headers.get("content-type"), label).toContain("text/html");
    expect(html, label).toContain(CLINIC_PHONE_LINK);
    expect(html, label).toContain("501.224.4001");
  }

  test("a broken body, malformed action arguments or a 30 KB field name get the form's answer with the number", async () => {
    const { hidden, actionId } = await actionFieldsOf("/request-appointment");
    const origin = server.origin;
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      fetch(`${origin}/request-appointment`, { method: "POST", body, headers: { Origin: origin, ...headers } });
    const brokenBody = '--x\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nno closing boundary';
    await expectClinicNumber("broken multipart", await post(brokenBody, { "Content-Type": "multipart/form-data; boundary=x" }));
    await expectClinicNumber(
      "broken multipart, as a script calls the action",
      await post(brokenBody, { "Content-Type": "multipart/form-data; boundary=x", "Next-Action": actionId }),
    );
    for (const args of ["[", '["$Q1"]', '"$T"', '["$F1"]', '[{"status":"idle"},"$@5"]']) {
      await expectClinicNumber(`arguments ${args}`, await post(args, { "Content-Type": "text/plain;charset=UTF-8", "Next-Action": actionId }));
      await expectClinicNumber(`arguments ${args} in a form`, await post(multipart([["0", args]]), { "Next-Action": actionId }));
    }
    const longName = "n".repeat(30 * 1024);
    await expectClinicNumber("30 KB field name", await post(multipart([...hidden, ...formFields, [longName, "x"]])));
    await expectClinicNumber(
      "30 KB field name, as a script calls the action",
      await post(multipart([["0", '[{"status":"idle"},"$K1"]'], ...formFields.map(([name, value]): [string, string] => [`_1_${name}`, value]), [`_1_${longName}`, "x"]]), {
        "Next-Action": actionId,
      }),
    );
    expect(await storedCount(server.dataDir)).toBe(0);
  });

  test("the form's fields posted to another page get the number, not Next's plain-text refusal", async () => {
    const { hidden, actionId } = await actionFieldsOf("/request-appointment");
    for (const target of ["/", "/mild-procedure", "/no-such-page"]) {
      const withoutScript = await fetch(`${server.origin}${target}`, { method: "POST", body: multipart([...hidden, ...formFields]), headers: { Origin: server.origin } });
      await expectClinicNumber(`${target} without JavaScript`, withoutScript);
      const asScript = await fetch(`${server.origin}${target}`, {
        method: "POST",
        body: multipart([["0", '[{"status":"idle"},"$K1"]'], ...formFields.map(([name, value]): [string, string] => [`_1_${name}`, value])]),
        headers: { Origin: server.origin, "Next-Action": actionId },
      });
      await expectClinicNumber(`${target} as a script calls the action`, asScript);
    }
    expect(await storedCount(server.dataDir)).toBe(0);
  });

  test("a flood of staff action posts from no page of ours, wherever sent, gets no 5xx and leaves no uncaught exception", async () => {
    const { actionId } = await actionFieldsOf("/staff/sign-in");
    const targets = ["/", "/request-appointment", "/staff/sign-in", "/staff/requests/MS-ABCDE"];
    const answers = await Promise.all(
      Array.from({ length: 80 }, async (_, index) => {
        const target = targets[index % targets.length]!;
        const response = await fetch(`${server.origin}${target}`, {
          method: "POST",
          // A script with no Origin, and (every third post) one that names this site as a page would.
          headers: { "Next-Action": actionId, ...(index % 3 === 0 ? { Origin: server.origin } : {}) },
          body: multipart([["0", '[{},"$K1"]'], ["_1_step", "password"], ["_1_email", "nobody@example.com"], ["_1_password", "wrong password"]]),
          redirect: "manual",
        });
        const text = await response.text();
        return { target, status: response.status, patientPage: !target.startsWith("/staff"), phoneShown: text.includes(CLINIC_PHONE_LINK), rsc: response.headers.get("content-type")?.includes("text/x-component") };
      }),
    );
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    // A refusal on a patient's page carries the number; a reply to the page's own script (RSC) is read by React.
    expect(answers.filter((answer) => answer.patientPage && !answer.rsc && !answer.phoneShown)).toEqual([]);
    // One more answer: the server has handled every connection's end (where the exception was thrown) before it.
    expect((await fetch(`${server.origin}/api/health`)).status).toBeLessThan(500);
    expect(fs.readFileSync(logFile, "utf8")).not.toContain("uncaughtException");
  });
});

test("with the database out of reach, a page that cannot be drawn shows the site's page of last resort with the number", async ({ page }) => {
  // DATA_DIR under a file: the store can be neither opened nor created, as on a full or unmounted disk.
  const blocked = path.join(fs.mkdtempSync(path.join(runDir, "no-database-")), "a-file");
  fs.writeFileSync(blocked, "");
  const log = fs.openSync(path.join(runDir, "no-database-server.log"), "w");
  const server = await startNextServer({ port: await freePort(), env: { DATA_DIR: path.join(blocked, "data") }, output: log });
  try {
    const response = await page.goto(`${server.origin}/staff/sign-in`);
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong on our website" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Call 501.224.4001" })).toHaveAttribute("href", "tel:+15012244001");
  } finally {
    server.stop();
    fs.closeSync(log);
  }
});
