/**
 * The form under faults and abuse, each against a server of its own (the built standalone server, started as
 * `npm start` starts it) with the settings the fault needs: a log that cannot be written, a low rate limit.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openAppointmentData } from "../../lib/appointments/runtime";
import { parseServerEnv } from "../../lib/env";
import { postForm, startServer } from "./support/servers";

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
