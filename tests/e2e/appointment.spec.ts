import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openRequest } from "../../lib/appointments/requests";
import { openAppointmentData } from "../../lib/appointments/runtime";
import { parseServerEnv } from "../../lib/env";

const runDir = process.env.E2E_RUN_DIR!;

/** A name no other test uses, so the store and the server log can be searched for it. */
function uniquePatient(label: string) {
  const tag = `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(/[^a-z]/gi, "x");
  return { fullName: `Patient ${tag}`, phone: "501 555 0142", reason: `Walking hurts ${tag}` };
}

async function readStoredRequest(reference: string) {
  const { store, keys } = openAppointmentData(parseServerEnv({ DATA_DIR: path.join(runDir, "data") }));
  try {
    const stored = await store.findRequest(reference);
    return stored && openRequest(keys.encryption, stored);
  } finally {
    await store.close();
  }
}

async function fillForm(page: Page, patient: ReturnType<typeof uniquePatient>) {
  await page.getByLabel(/Full name/).fill(patient.fullName);
  await page.getByLabel(/Phone number/).fill(patient.phone);
  await page.getByLabel("Evening").check();
  await page.getByLabel(/Reason for your visit/).fill(patient.reason);
  await page.getByLabel(/not for emergencies/).check();
}

async function expectStoredAndNotLogged(page: Page, patient: ReturnType<typeof uniquePatient>) {
  const confirmation = page.getByRole("heading", { name: "We received your request" });
  await expect(confirmation).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())!;
  expect(reference).toMatch(/^MS-[A-Z0-9]{5}$/);
  expect(await readStoredRequest(reference)).toMatchObject({
    fullName: patient.fullName,
    phone: "+15015550142",
    bestTime: "evening",
    reason: patient.reason,
  });
  const serverLog = fs.readFileSync(path.join(runDir, "server.log"), "utf8");
  expect(serverLog).toContain(reference);
  expect(serverLog).not.toContain(patient.fullName);
  expect(serverLog).not.toContain(patient.reason);
  expect(serverLog).not.toContain("5550142");
}

test.describe("requesting an appointment", () => {
  test("with JavaScript: the request reaches the confirmation and the store, and no log line holds it", async ({ page }) => {
    const patient = uniquePatient("js");
    const response = await page.goto("/request-appointment");
    expect(response?.headers()["referrer-policy"]).toBe("same-origin");
    await fillForm(page, patient);
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("heading", { name: "We received your request" })).toBeFocused();
    await expectStoredAndNotLogged(page, patient);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the request reaches the confirmation and the store", async ({ page }) => {
      const patient = uniquePatient("nojs");
      await page.goto("/request-appointment");
      await fillForm(page, patient);
      const posted = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Send my request" }).click();
      // The answer holds the patient's words: no cache may keep it.
      expect((await posted).headers()["cache-control"]).toContain("no-store");
      await expectStoredAndNotLogged(page, patient);
    });

    test("an empty submission shows every error and keeps what was typed", async ({ page }) => {
      await page.goto("/request-appointment");
      await page.getByLabel(/Email/).fill("not-an-email");
      await page.getByRole("button", { name: "Send my request" }).click();
      const summary = page.locator("form").getByRole("alert");
      await expect(summary).toContainText("Please fix these 5 things");
      for (const message of ["Please enter your full name", "Please enter your phone number", "Please enter an email address", "Please choose the best time", "Please check this box"]) {
        await expect(summary).toContainText(message);
      }
      await expect(page.getByLabel(/Email/)).toHaveValue("not-an-email");
      await expect(page.getByLabel(/Full name/)).toHaveAttribute("aria-invalid", "true");
    });
  });

  test("with JavaScript, an empty submission shows every error and focuses the summary", async ({ page }) => {
    await page.goto("/request-appointment");
    await page.getByRole("button", { name: "Send my request" }).click();
    const summary = page.locator("form").getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Please fix these 4 things");
    await summary.getByRole("link", { name: /Phone number/ }).click();
    await expect(page.getByLabel(/Phone number/)).toBeFocused();
  });

  test("the whole form can be completed with the keyboard alone", async ({ page }) => {
    const patient = uniquePatient("keys");
    await page.goto("/request-appointment");
    await page.getByLabel(/Full name/).focus();
    await page.keyboard.type(patient.fullName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(patient.phone);
    await page.keyboard.press("Tab"); // email (optional)
    await page.keyboard.press("Tab"); // the radio group: Morning
    await page.keyboard.press("ArrowDown"); // Afternoon
    await page.keyboard.press("ArrowDown"); // Evening
    await page.keyboard.press("Tab");
    await page.keyboard.type(patient.reason);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab"); // the privacy link inside the label
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Send my request" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expectStoredAndNotLogged(page, patient);
  });
});
