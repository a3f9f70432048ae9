/**
 * The staff inbox as a test meets it: accounts made with the operators' command line (`npm run staff`), enrollment
 * through the link it prints, authenticator codes computed here from the key the page shows (as an app would).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { Secret, TOTP } from "otpauth";

const ROOT = path.resolve(__dirname, "../../..");
export const STAFF_PASSWORD = "quiet harbor lantern 42";

export interface StaffAccount {
  email: string;
  name: string;
  role: "admin" | "staff";
  /** Path and query of the enrollment link (the link's origin is SITE_URL, not necessarily the test server). */
  enrollPath: string;
}

/** `npm run staff -- <args>` against a server's data folder. */
export function runStaffCli(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/staff.mjs", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATA_DIR: dataDir, SITE_URL: "https://clinic.example", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`npm run staff -- ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** A new account from the command line, as an operator makes the first admin. */
export function addStaffAccount(dataDir: string, role: StaffAccount["role"], label: string): StaffAccount {
  const tag = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${tag}@staff.example`;
  const name = `${role === "admin" ? "Admin" : "Desk"} ${tag}`;
  const output = runStaffCli(dataDir, ["add-user", "--email", email, "--name", name, "--role", role]);
  const link = /https:\/\/clinic\.example(\/staff\/enroll\?token=[\w-]+)/.exec(output)?.[1];
  if (!link) throw new Error(`No enrollment link in: ${output}`);
  return { email, name, role, enrollPath: link };
}

export function authenticatorFor(key: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
}

export interface EnrolledStaff extends StaffAccount {
  totp: TOTP;
  /** The codes this person has typed: each opens one session only, so the server refuses them a second time. */
  usedCodes: Set<string>;
}

/**
 * The code the app shows now, once it is one this person has not typed yet. What a person told "that code was used
 * already" does: wait for the app's next code (at most one 30-second period).
 */
export async function freshCode(staff: Pick<EnrolledStaff, "totp" | "usedCodes">): Promise<string> {
  await expect.poll(() => staff.usedCodes.has(staff.totp.generate()), { timeout: 35_000, intervals: [500] }).toBe(false);
  const code = staff.totp.generate();
  staff.usedCodes.add(code);
  return code;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes[0]?.target})`)).toEqual([]);
}

/** Follows the enrollment link to the end: password, authenticator by its typed key, recovery codes, the inbox. */
export async function enroll(page: Page, account: StaffAccount, { checkAccessibility = false, origin = "" } = {}): Promise<EnrolledStaff> {
  await page.goto(`${origin}${account.enrollPath}`);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your account" })).toBeVisible();
  if (checkAccessibility) await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill(STAFF_PASSWORD);
  await page.getByLabel("The same password again").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Set password and continue" }).click();
  const key = page.getByTestId("setup-key");
  await expect(key).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code for your authenticator app/ })).toBeVisible();
  if (checkAccessibility) await expectNoAxeViolations(page);
  const staff: EnrolledStaff = { ...account, totp: authenticatorFor((await key.textContent())!), usedCodes: new Set() };
  await page.getByLabel("The 6-digit code your app now shows").fill(await freshCode(staff));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  // Signed in now, for as long as the browser stays open, as after a sign-in (a shared front-desk computer).
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("mocek-staff.session_token"));
  expect(session).toMatchObject({ httpOnly: true, path: "/staff", expires: -1 });
  await page.getByRole("link", { name: /go to the inbox/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();
  return staff;
}

/** Signs in with email, password and the code the app shows now. */
export async function signIn(page: Page, staff: EnrolledStaff, origin = "") {
  await page.goto(`${origin}/staff/sign-in`);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Code from your authenticator app").fill(await freshCode(staff));
  await page.getByRole("button", { name: "Sign in" }).click();
}
