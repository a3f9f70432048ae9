// @vitest-environment node
/**
 * Key rotation on a real SQLite file: requests sealed with the old key, APPOINTMENTS_KEYS with both, rotate-key,
 * then only the new key.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseSetCookieHeader } from "better-auth/cookies";
import * as OTPAuth from "otpauth";
import { afterEach, describe, expect, it } from "vitest";
import { keyIdOf, sealedKeyId } from "@/lib/appointments/crypto";
import { openRequest, requestsByKeyId, resealRequest } from "@/lib/appointments/requests";
import { createAppointmentsRuntime, openAppointmentData } from "@/lib/appointments/runtime";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import { addUser } from "@/lib/staff/accounts";
import { confirmTwoFactor, setEnrollmentPassword, type TwoFactorSetup } from "@/lib/staff/enrollment";
import { signInWithCode, type RequestOrigin } from "@/lib/staff/sign-in";
import { sealedAsV1 } from "@/tests/support/legacy-seal";
import { runStaffTool } from "@/tests/support/staff-tool";
import { testStaffContext } from "@/tests/support/staff";

const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);
const b64 = (key: Buffer) => key.toString("base64");
const PATIENT = { fullName: "Rhea Rotavska", phone: "(501) 555-0160", email: "rhea@example.com", bestTime: "evening", acknowledged: "on" };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rotation-test-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  setLogDestination({ write: () => undefined });
  cleanups.push(() => setLogDestination(undefined));
  return dir;
}

/** The staff tool's view of the data under these settings. */
async function openData(env: Record<string, string>) {
  const data = await openAppointmentData(parseServerEnv(env), { existingOnly: true });
  cleanups.push(() => data.store.close());
  return data;
}

async function storeRequestsWithOldKey(dataDir: string, count: number) {
  const server = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir, APPOINTMENTS_KEY: b64(OLD_KEY) }));
  for (let index = 0; index < count; index += 1) {
    const result = await submitAppointmentRequest(server, { ...PATIENT, reason: `Visit ${index}` }, { clientAddress: `192.0.2.${index}` });
    expect(result.status).toBe("received");
  }
  // And one request stored before key ids existed.
  const id = randomUUID();
  await server.store.insertRequestWithNotification(
    {
      id,
      reference: "MS-LEGCY",
      createdAt: new Date().toISOString(),
      bestTime: "morning",
      fullNameSealed: sealedAsV1(OLD_KEY, "Lena Legacy", id),
      phoneSealed: sealedAsV1(OLD_KEY, "+15015550100", id),
      emailSealed: null,
      reasonSealed: sealedAsV1(OLD_KEY, "Written in v1", id),
      handledAt: null,
    },
    `<appointment-${id}@mocekspine.invalid>`,
    { fingerprint: "legacy", duplicateSinceIso: new Date().toISOString() },
  );
  await server.store.close();
}

describe("key rotation", () => {
  it("rotation drill: rows sealed with the old key, rotate-key, then every request readable with only the new key", async () => {
    const dataDir = tempDir();
    await storeRequestsWithOldKey(dataDir, 3);
    const bothKeys = { DATA_DIR: dataDir, APPOINTMENTS_KEYS: `${b64(NEW_KEY)},${b64(OLD_KEY)}` };

    // With both keys the old rows stay readable, and a new request is sealed with the new key.
    const during = await createAppointmentsRuntime(parseServerEnv(bothKeys));
    await submitAppointmentRequest(during, { ...PATIENT, reason: "After the switch" }, { clientAddress: "192.0.2.50" });
    const beforeRotation = (await during.store.listRequests()).map((stored) => openRequest(during.keys.encryption, stored));
    expect(beforeRotation).toHaveLength(5);
    expect(requestsByKeyId(await during.store.listRequests())).toEqual(
      new Map([
        [keyIdOf(NEW_KEY), 1],
        [keyIdOf(OLD_KEY), 3],
        ["v1", 1],
      ]),
    );
    await during.store.close();

    const rotate = runStaffTool(["rotate-key"], bothKeys);
    expect(rotate.stderr).toBe("");
    expect(rotate.status).toBe(0);
    expect(rotate.stdout).toContain(`Re-sealed 4 request(s) under the current key ${keyIdOf(NEW_KEY)}.`);
    expect(rotate.stdout).toContain(`${keyIdOf(NEW_KEY)}  current  5 request(s)`);
    expect(rotate.stdout).toContain(`${keyIdOf(OLD_KEY)}  old      0 request(s)`);
    expect(rotate.stdout).toContain("Every request and authenticator is sealed with the current key");

    const newOnly = await openData({ DATA_DIR: dataDir, APPOINTMENTS_KEY: b64(NEW_KEY) });
    const stored = await newOnly.store.listRequests();
    const afterRotation = stored.map((request) => openRequest(newOnly.keys.encryption, request));
    expect(afterRotation).toEqual(beforeRotation);
    expect(afterRotation.map((request) => request.fullName)).toContain("Lena Legacy");
    for (const request of stored) {
      for (const sealed of [request.fullNameSealed, request.phoneSealed, request.emailSealed, request.reasonSealed]) {
        if (sealed !== null) expect(sealedKeyId(sealed)).toBe(keyIdOf(NEW_KEY));
      }
    }

    // The old key alone opens nothing any more, and says which key it lacks.
    const oldOnly = await openData({ DATA_DIR: dataDir, APPOINTMENTS_KEY: b64(OLD_KEY) });
    const [first] = await oldOnly.store.listRequests();
    expect(() => openRequest(oldOnly.keys.encryption, first!)).toThrow(`was sealed with key ${keyIdOf(NEW_KEY)}, which is not among the keys given`);
  }, 60_000);

  it("re-seals the staff's authenticator keys and recovery codes too: after the old key is dropped, staff still sign in", async () => {
    const dataDir = tempDir();
    await storeRequestsWithOldKey(dataDir, 1);
    const password = "quiet Lantern orbit 47 meadow";
    const email = "rosa@clinic.example";
    const from = (cookie?: string): RequestOrigin => ({ headers: new Headers(cookie ? { cookie } : {}), clientAddress: "198.51.100.30" });
    const cookieOf = (headers: Headers) => [...parseSetCookieHeader(headers.get("set-cookie") ?? "")].map(([name, { value }]) => `${name}=${value}`).join("; ");

    // Rosa enrolls while the old key is the only one.
    let setup: TwoFactorSetup;
    {
      const { store } = await openData({ DATA_DIR: dataDir, APPOINTMENTS_KEY: b64(OLD_KEY) });
      const context = testStaffContext(store, { masterKeys: [OLD_KEY] });
      const { user, enrollmentLink } = await addUser(context, { email, name: "Rosa", role: "admin" }, { commandLine: true });
      const token = new URL(enrollmentLink).searchParams.get("token")!;
      const step = await setEnrollmentPassword(context, { token, password, confirmPassword: password }, from());
      setup = (step as { setup: TwoFactorSetup }).setup;
      const signedIn = await context.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
      const done = await confirmTwoFactor(context, { code: OTPAuth.URI.parse(setup.totpURI).generate(), setup }, { id: user.id, email }, from(cookieOf(signedIn.headers)));
      expect(done.step).toBe("done");
      await store.close();
    }

    const bothKeys = { DATA_DIR: dataDir, APPOINTMENTS_KEYS: `${b64(NEW_KEY)},${b64(OLD_KEY)}` };
    const rotate = runStaffTool(["rotate-key"], bothKeys);
    expect(rotate.stderr).toBe("");
    expect(rotate.status).toBe(0);
    expect(rotate.stdout).toContain(`Re-sealed the authenticator keys and recovery codes of 1 staff account(s) under the current key ${keyIdOf(NEW_KEY)}.`);
    expect(rotate.stdout).toContain(`${keyIdOf(NEW_KEY)}  current  2 request(s), 1 authenticator(s)`);
    expect(rotate.stdout).toContain(`${keyIdOf(OLD_KEY)}  old      0 request(s), 0 authenticator(s)`);
    expect(rotate.stdout).toContain("Every request and authenticator is sealed with the current key");
    // Again: nothing left to do.
    expect(runStaffTool(["rotate-key"], bothKeys).stdout).toContain("recovery codes of 0 staff account(s)");

    // The old key leaves; Rosa signs in with her authenticator (the next code: the last one was used), then with a recovery code.
    const { store } = await openData({ DATA_DIR: dataDir, APPOINTMENTS_KEY: b64(NEW_KEY) });
    const context = testStaffContext(store, { masterKeys: [NEW_KEY] });
    const passwordStep = async () => cookieOf((await context.auth.api.signInEmail({ body: { email, password }, returnHeaders: true })).headers);
    const nextCode = OTPAuth.URI.parse(setup.totpURI).generate({ timestamp: Date.now() + 30_000 });
    expect(await signInWithCode(context, email, { code: nextCode }, from(await passwordStep()))).toEqual({ step: "done" });
    expect(await signInWithCode(context, email, { code: setup.backupCodes[0]! }, from(await passwordStep()))).toEqual({ step: "done" });
  }, 60_000);

  it("re-seals batch by batch; a row no key opens stops it with its batch rolled back, and a second run carries on", async () => {
    const dataDir = tempDir();
    await storeRequestsWithOldKey(dataDir, 5);
    const { store, keys } = await openData({ DATA_DIR: dataDir, APPOINTMENTS_KEYS: `${b64(NEW_KEY)},${b64(OLD_KEY)}` });
    const ids = (await store.listRequests()).map((request) => request.id).sort();
    const poisoned = ids[3]!;
    let calls = 0;
    const failing = store.resealRequests((request) => {
      calls += 1;
      if (request.id === poisoned) throw new Error("no key opens this row");
      return resealRequest(keys.encryption, request);
    }, 2);
    await expect(failing).rejects.toThrow("no key opens this row");
    expect(calls).toBe(4);
    const afterFailure = await store.listRequests();
    const sealedWithNew = (id: string) => sealedKeyId(afterFailure.find((request) => request.id === id)!.fullNameSealed) === keyIdOf(NEW_KEY);
    // The first batch (ids 0-1) committed; the failing batch (ids 2-3) rolled back; the rest untouched.
    expect(ids.map(sealedWithNew)).toEqual([true, true, false, false, false, false]);

    expect(await store.resealRequests((request) => resealRequest(keys.encryption, request), 2)).toBe(4);
    expect(await store.resealRequests((request) => resealRequest(keys.encryption, request), 2)).toBe(0);
  });

  it("refuses APPOINTMENTS_KEY and APPOINTMENTS_KEYS together, a malformed or repeated key, and never prints a key", async () => {
    const dataDir = tempDir();
    expect(() => parseServerEnv({ APPOINTMENTS_KEY: b64(OLD_KEY), APPOINTMENTS_KEYS: b64(NEW_KEY) })).toThrow(
      /APPOINTMENTS_KEYS and APPOINTMENTS_KEY are both set: set one/,
    );
    try {
      parseServerEnv({ APPOINTMENTS_KEY: b64(OLD_KEY), APPOINTMENTS_KEYS: b64(NEW_KEY) });
    } catch (error) {
      expect(String(error)).not.toContain(b64(NEW_KEY));
    }
    await expect(openAppointmentData(parseServerEnv({ DATA_DIR: dataDir, APPOINTMENTS_KEYS: `${b64(NEW_KEY)},short` }))).rejects.toThrow(
      "APPOINTMENTS_KEYS: key 2 of 2 is not 32 random bytes",
    );
    await expect(
      openAppointmentData(parseServerEnv({ DATA_DIR: dataDir, APPOINTMENTS_KEYS: `${b64(NEW_KEY)}, ${NEW_KEY.toString("hex")}` })),
    ).rejects.toThrow("APPOINTMENTS_KEYS: key 2 is the same as an earlier one");
  });
});
