/**
 * How many guesses at one staff account Better Auth checks in one lockout window when they are all sent at once
 * (issue 20: 100 codes sent together were all checked, the right one among them signed in). For each database
 * (SQLite; PostgreSQL shared by two servers, on a throwaway cluster or TEST_DATABASE_URL), and from one address
 * and from as many addresses as guesses: N-1 wrong passwords and the right one last, all at once; then, the
 * password being known, N sign-ins waiting for a code and a code on each at once, the right one last.
 * "checked" counts the guesses Better Auth looked at and found wrong; the lockout allows 5.
 *
 *   npm run bench:sign-in                                  100 guesses at once
 *   npm run bench:sign-in -- --at-once 200
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { parseSetCookieHeader } from "better-auth/cookies";
import * as OTPAuth from "otpauth";
import { deriveKeys } from "@/lib/appointments/crypto";
import { openPostgresStore } from "@/lib/appointments/postgres-store";
import { databasePath, openSqliteStore } from "@/lib/appointments/sqlite-store";
import type { AppointmentStore } from "@/lib/appointments/store";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { addUser } from "@/lib/staff/accounts";
import { createStaffAuth } from "@/lib/staff/auth-config";
import type { StaffContext } from "@/lib/staff/context";
import { confirmTwoFactor, enrollmentUser, setEnrollmentPassword } from "@/lib/staff/enrollment";
import { signInWithCode, signInWithPassword, type RequestOrigin } from "@/lib/staff/sign-in";
import { createTestDatabase, startTestPostgres } from "./lib/throwaway-postgres";

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const AT_ONCE = flag("--at-once", 100);
const PASSWORD = "quiet lantern orbit 47 meadow";

/** The cookies each call sets, as a browser would keep them: the sign-ins waiting for a code are told apart by them. */
let lastSetCookie = "";
const browserCookies: BetterAuthPlugin = {
  id: "bench-browser",
  hooks: {
    after: [
      {
        matcher: () => true,
        handler: createAuthMiddleware(async (ctx) => {
          const setCookie = (ctx.context.responseHeaders as Headers | undefined)?.get("set-cookie");
          if (setCookie) lastSetCookie = setCookie;
        }),
      },
    ],
  },
};
const cookieHeader = (setCookie: string) => [...parseSetCookieHeader(setCookie)].map(([name, { value }]) => `${name}=${value}`).join("; ");
const origin = (clientAddress: string, cookie = ""): RequestOrigin => ({ headers: new Headers(cookie ? { cookie } : {}), clientAddress });

/** One staff context per server, sharing the keys as servers do. */
function servers(stores: AppointmentStore[]): StaffContext[] {
  const keys = deriveKeys(randomBytes(32));
  const env = parseServerEnv({ SITE_URL: "https://clinic.example", DATA_DIR: "/nowhere" });
  return stores.map((store) => ({ auth: createStaffAuth(store.authDatabase, { baseURL: env.SITE_URL, secrets: keys.staffAuth }, [browserCookies]), store, keys, env }));
}

/** Counts the passwords and codes Better Auth checked and found wrong, on every server. */
function countChecks(contexts: StaffContext[]) {
  const checked = { passwords: 0, codes: 0 };
  for (const context of contexts) {
    const api = context.auth.api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const [endpoint, kind] of [["signInEmail", "passwords"], ["verifyTOTP", "codes"]] as const) {
      const original = api[endpoint]!.bind(api);
      api[endpoint] = async (...args) => {
        try {
          return await original(...args);
        } catch (error) {
          const code = (error as { body?: { code?: string } }).body?.code;
          if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_CODE") checked[kind] += 1;
          throw error;
        }
      };
    }
  }
  return checked;
}

async function enrolledAccount(context: StaffContext, email: string): Promise<OTPAuth.TOTP> {
  const { enrollmentLink } = await addUser(context, { email, name: "Bench", role: "staff" }, { commandLine: true });
  const token = new URL(enrollmentLink).searchParams.get("token")!;
  const person = (await enrollmentUser(context, token))!;
  const step = await setEnrollmentPassword(context, { token, password: PASSWORD, confirmPassword: PASSWORD }, origin("198.51.100.1"));
  if (step.step !== "two-factor") throw new Error(`enrollment stopped: ${JSON.stringify(step)}`);
  const session = cookieHeader(lastSetCookie);
  const app = OTPAuth.URI.parse(step.setup.totpURI) as OTPAuth.TOTP;
  await confirmTwoFactor(context, { code: app.generate(), setup: step.setup }, { id: person.id, email }, origin("198.51.100.1", session));
  return app;
}

let scenario = 0;

async function guessPasswords(contexts: StaffContext[], manyAddresses: boolean) {
  scenario += 1;
  const address = (index: number) => (manyAddresses ? `10.${scenario}.${index >> 8}.${index & 255}` : `192.0.2.${scenario}`);
  const email = `passwords-${scenario}@clinic.example`;
  await enrolledAccount(contexts[0]!, email);
  const checked = countChecks(contexts);
  const answers = await Promise.all(
    Array.from({ length: AT_ONCE }, (_, index) =>
      signInWithPassword(contexts[index % contexts.length]!, { email, password: index === AT_ONCE - 1 ? PASSWORD : `wrong ${index}` }, origin(address(index))),
    ),
  );
  return { wrongChecked: checked.passwords, rightPasswordLast: answers.at(-1)!.step === "code" ? "accepted" : "refused" };
}

async function guessCodes(contexts: StaffContext[], manyAddresses: boolean) {
  scenario += 1;
  const address = (index: number) => (manyAddresses ? `10.${scenario}.${index >> 8}.${index & 255}` : `192.0.2.${scenario}`);
  const email = `codes-${scenario}@clinic.example`;
  const app = await enrolledAccount(contexts[0]!, email);
  const waiting: string[] = [];
  for (let index = 0; index < AT_ONCE; index += 1) {
    const state = await signInWithPassword(contexts[index % contexts.length]!, { email, password: PASSWORD }, origin(address(index)));
    if (state.step !== "code") break;
    waiting.push(cookieHeader(lastSetCookie));
  }
  // The code the app shows now may be the one enrollment used; a sign-in would wait for the next.
  const enrollmentCode = app.generate();
  while (app.generate() === enrollmentCode) await new Promise((resolve) => setTimeout(resolve, 500));
  const checked = countChecks(contexts);
  const right = app.generate();
  const wrong = (index: number) => String((Number(right) + 1 + index) % 1_000_000).padStart(6, "0");
  const answers = await Promise.all(
    waiting.map((cookie, index) =>
      signInWithCode(contexts[index % contexts.length]!, email, { code: index === waiting.length - 1 ? right : wrong(index) }, origin(address(index), cookie)),
    ),
  );
  return { waitingForCode: waiting.length, wrongChecked: checked.codes, rightCodeLast: answers.at(-1)!.step === "done" ? "signed in" : "refused" };
}

async function measure(label: string, contexts: StaffContext[]) {
  for (const manyAddresses of [false, true]) {
    const from = manyAddresses ? `${AT_ONCE} addresses` : "one address";
    console.log(`${label}, passwords from ${from}: ${JSON.stringify(await guessPasswords(contexts, manyAddresses))}`);
    console.log(`${label}, codes from ${from}: ${JSON.stringify(await guessCodes(contexts, manyAddresses))}`);
  }
}

async function main() {
  setLogDestination({ write: () => true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sign-in-"));
  const postgres = await startTestPostgres();
  try {
    const sqlite = await openSqliteStore(databasePath(dir));
    await measure(`SQLite, ${AT_ONCE} at once`, servers([sqlite]));
    await sqlite.close();
    const database = await createTestDatabase(postgres.url, "bench_sign_in");
    const stores = [await openPostgresStore(database.url), await openPostgresStore(database.url)];
    await measure(`PostgreSQL, 2 servers, ${AT_ONCE} at once`, servers(stores));
    for (const store of stores) await store.close();
    await database.drop();
  } finally {
    postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
