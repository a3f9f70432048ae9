import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openRequest } from "../../lib/appointments/requests";
import { openAppointmentData } from "../../lib/appointments/runtime";
import { parseServerEnv } from "../../lib/env";
import { BEST_TIMES, offeredBestTimes } from "../../lib/appointments/fields";
import { getClinic } from "../../lib/site";

const runDir = process.env.E2E_RUN_DIR!;

/** A name no other test uses, so the store and the server log can be searched for it. */
function uniquePatient(label: string) {
  const tag = `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(/[^a-z]/gi, "x");
  return { fullName: `Patient ${tag}`, phone: "501 555 0142", reason: `Walking hurts ${tag}` };
}

async function readStoredRequest(reference: string) {
  const { store, keys } = await openAppointmentData(parseServerEnv({ DATA_DIR: path.join(runDir, "data") }));
  try {
    const stored = await store.findRequest(reference);
    return stored && openRequest(keys.encryption, stored);
  } finally {
    await store.close();
  }
}

/** Every stored request with this name: a request sent twice must be stored once. */
async function storedRequestsNamed(fullName: string) {
  const { store, keys } = await openAppointmentData(parseServerEnv({ DATA_DIR: path.join(runDir, "data") }));
  try {
    return (await store.listRequests()).map((stored) => openRequest(keys.encryption, stored)).filter((request) => request.fullName === fullName);
  } finally {
    await store.close();
  }
}

/** The call times the form offers: the clinic's (content/clinic.yaml), every one while it has not said, as today. */
const OFFERED_TIMES = offeredBestTimes(getClinic().callTimes);
/** The time each patient here chooses: the latest one offered that names a time of day. */
const CHOSEN_TIME = OFFERED_TIMES.filter((time) => time !== "any").at(-1)!;

async function fillForm(page: Page, patient: ReturnType<typeof uniquePatient>) {
  await page.getByLabel(/Full name/).fill(patient.fullName);
  await page.getByLabel(/Phone number/).fill(patient.phone);
  await page.getByLabel(BEST_TIMES[CHOSEN_TIME]).check();
  await page.getByLabel(/Reason for your visit/).fill(patient.reason);
  await page.getByLabel(/not for emergencies/).check();
}

/**
 * The confirmation promises what content/clinic.yaml says: when staff call and from which number once `callBack`
 * is set, and no time while it is not (as today; the wording for a set `callBack` is tested with fixtures in
 * tests/unit/AppointmentConfirmation.test.tsx).
 */
async function expectCallBackAsTheClinicSays(page: Page) {
  const confirmation = page.getByRole("region", { name: "We received your request" });
  const { callBack } = getClinic();
  if (callBack) {
    const days = callBack.withinBusinessDays;
    await expect(confirmation).toContainText(`We will call you within ${days} business ${days === 1 ? "day" : "days"}, from ${callBack.from.display}.`);
    await expect(confirmation.getByRole("link", { name: callBack.from.display })).toHaveAttribute("href", callBack.from.href);
  } else {
    await expect(confirmation).toContainText("Our staff will call you to talk about your request and find a time for your visit.");
    await expect(confirmation).not.toContainText(/within|business day/);
  }
}

async function expectStoredAndNotLogged(page: Page, patient: ReturnType<typeof uniquePatient>) {
  const confirmation = page.getByRole("heading", { name: "We received your request" });
  await expect(confirmation).toBeVisible();
  await expectCallBackAsTheClinicSays(page);
  const reference = (await page.getByTestId("reference").textContent())!;
  expect(reference).toMatch(/^MS-[A-Z0-9]{5}$/);
  expect(await readStoredRequest(reference)).toMatchObject({
    fullName: patient.fullName,
    phone: "+15015550142",
    bestTime: CHOSEN_TIME,
    reason: patient.reason,
  });
  const serverLog = fs.readFileSync(path.join(runDir, "server.log"), "utf8");
  expect(serverLog).toContain(reference);
  expect(serverLog).not.toContain(patient.fullName);
  expect(serverLog).not.toContain(patient.reason);
  expect(serverLog).not.toContain("5550142");
}

test.describe("requesting an appointment", () => {
  test("the call times to choose from are those the clinic offers", async ({ page }) => {
    await page.goto("/request-appointment");
    const choices = page.getByRole("group", { name: /Best time to call/ }).getByRole("radio");
    await expect(choices).toHaveCount(OFFERED_TIMES.length);
    for (const time of OFFERED_TIMES) await expect(page.getByRole("radio", { name: BEST_TIMES[time], exact: true })).toBeVisible();
  });

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

  test.describe("one request, one row", () => {
    test("without JavaScript, reloading the confirmation (which posts again) shows the same reference and stores nothing new", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const patient = uniquePatient("reload");
      await page.goto("/request-appointment");
      await fillForm(page, patient);
      await page.getByRole("button", { name: "Send my request" }).click();
      const reference = await page.getByTestId("reference").textContent();
      for (let reload = 0; reload < 2; reload += 1) {
        const reposted = page.waitForResponse((response) => response.request().method() === "POST");
        await page.reload();
        await reposted;
        await expect(page.getByTestId("reference")).toHaveText(reference!);
      }
      expect(await storedRequestsNamed(patient.fullName)).toHaveLength(1);
      await context.close();
    });

    test("with JavaScript, a send whose answer is lost says to call, and sending again stores nothing new", async ({ page }) => {
      const patient = uniquePatient("dropped");
      await page.goto("/request-appointment");
      await fillForm(page, patient);
      // The request reaches the server, which stores it, but the connection drops before the answer arrives.
      await page.route("**/request-appointment", async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        await route.fetch();
        await route.abort("connectionreset");
      });
      await page.getByRole("button", { name: "Send my request" }).click();
      const failure = page.getByRole("alert").filter({ hasText: "We could not send your request" });
      await expect(failure).toBeVisible();
      await expect(failure.getByRole("link", { name: "501.224.4001" })).toHaveAttribute("href", "tel:+15012244001");
      expect(await storedRequestsNamed(patient.fullName)).toHaveLength(1);

      await page.unroute("**/request-appointment");
      await page.getByRole("button", { name: "Show the form again" }).click();
      await fillForm(page, patient);
      await page.getByRole("button", { name: "Send my request" }).click();
      await expect(page.getByRole("heading", { name: "We received your request" })).toBeVisible();
      const [stored] = await storedRequestsNamed(patient.fullName);
      await expect(page.getByTestId("reference")).toHaveText(stored!.reference);
      expect(await storedRequestsNamed(patient.fullName)).toHaveLength(1);
    });
  });

  test.describe("posts the form refuses still give the phone number", () => {
    /** The hidden fields React renders into the form for its server action without JavaScript. */
    async function formFields(page: Page): Promise<Record<string, string>> {
      await page.goto("/request-appointment");
      const hidden = await page.locator('form input[type="hidden"]').evaluateAll((inputs) =>
        (inputs as HTMLInputElement[]).map((input) => [input.name, input.value] as const),
      );
      return { ...Object.fromEntries(hidden), fullName: "Refused Patient", phone: "501 555 0142", bestTime: "any", acknowledged: "on" };
    }

    test("a body over 64 KB gets 413 and a page with the phone number; nothing is stored", async ({ page, baseURL }) => {
      const fields = await formFields(page);
      const response = await page.request.post("/request-appointment", {
        multipart: { ...fields, fullName: "Oversized Patient", reason: "x".repeat(70 * 1024) },
        headers: { Origin: baseURL! },
      });
      expect(response.status()).toBe(413);
      expect(response.headers()["content-type"]).toContain("text/html");
      const html = await response.text();
      expect(html).toContain('href="tel:+15012244001"');
      expect(html).toContain("501.224.4001");
      expect(await storedRequestsNamed("Oversized Patient")).toHaveLength(0);
    });

    test("a post from another website gets 403 and a page with the phone number; nothing is stored", async ({ page }) => {
      const fields = await formFields(page);
      const response = await page.request.post("/request-appointment", {
        multipart: { ...fields, fullName: "Foreign Patient" },
        headers: { Origin: "https://attacker.example" },
      });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('href="tel:+15012244001"');
      expect(await storedRequestsNamed("Foreign Patient")).toHaveLength(0);
    });
  });
});
