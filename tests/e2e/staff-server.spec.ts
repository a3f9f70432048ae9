/**
 * The staff inbox's server-side guards, once (desktop): automatic logoff on a server of its own with a short
 * STAFF_IDLE_MINUTES, the headers of every /staff response, what crawlers are told, and cross-site posts refused.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { formActionFields } from "../../scripts/lib/form-fields";
import { postForm, startServer } from "./support/servers";
import { addStaffAccount, enroll, freshCode, signIn, STAFF_PASSWORD } from "./support/staff";
import { CONTENT_SECURITY_POLICY } from "../../lib/security/content-security-policy.mjs";

const runDir = process.env.E2E_RUN_DIR!;
test.describe.configure({ timeout: 120_000 });

test("a session idle longer than STAFF_IDLE_MINUTES ends; activity keeps it open", async ({ page }) => {
  const log = fs.openSync(path.join(runDir, "idle-server.log"), "w");
  // The idle limit is wall-clock time on the server, so this test must let time pass. 6 seconds, with steps of 2:
  // a page load on a loaded machine may take a second or two without the session lapsing between steps.
  const server = await startServer("idle", { STAFF_IDLE_MINUTES: "0.1" }, log);
  try {
    const desk = await enroll(page, addStaffAccount(server.dataDir, "staff", "idle"), { origin: server.origin });
    for (let step = 0; step < 4; step += 1) {
      await page.waitForTimeout(2_000);
      await page.goto(`${server.origin}/staff/requests`);
      await expect(page.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();
    }
    await page.waitForTimeout(7_000);
    await page.goto(`${server.origin}/staff/requests`);
    await expect(page).toHaveURL(`${server.origin}/staff/sign-in?reason=idle`);
    await expect(page.locator("main").getByRole("status")).toHaveText("You were signed out after 6 seconds without activity, to keep patients’ details private.");
    // Signing in again works at once.
    await signIn(page, desk, server.origin);
    await expect(page.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();
  } finally {
    server.stop();
    fs.closeSync(log);
  }
});

test("every /staff response is no-store and noindex with the site's own security headers; crawlers are kept out", async ({ request }) => {
  // The application's own policy (next.config.ts sends it): the patient pages now each have a stricter one of their
  // own (no scripts, or only their hashed inline scripts), so none of them stands for it any more.
  const sitePolicy = CONTENT_SECURITY_POLICY;
  for (const target of ["/staff", "/staff/sign-in", "/staff/enroll?token=nothing", "/staff/requests", "/staff/requests/MS-ABCDE", "/staff/audit"]) {
    const response = await request.get(target, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["cache-control"], target).toContain("no-store");
    expect(headers["x-robots-tag"], target).toBe("noindex, nofollow");
    expect(headers["content-security-policy"], target).toBe(sitePolicy);
    expect(headers["x-frame-options"], target).toBe("DENY");
    expect(headers["strict-transport-security"], target).toContain("max-age=");
  }
  const signInPage = await (await request.get("/staff/sign-in")).text();
  expect(signInPage).toMatch(/<meta name="robots" content="noindex, nofollow/);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/^Disallow: \/staff$/m);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain("/staff");
});

test("a status change posted from another website is refused and changes nothing", async ({ page, request, baseURL }) => {
  const sent = await postForm(request, baseURL!, { fullName: "Patient Crosssite" });
  const reference = (sent as { reference: string }).reference;
  await enroll(page, addStaffAccount(path.join(runDir, "data"), "staff", "csrf"));
  const requestPage = `/staff/requests/${reference}`;
  // The status form's hidden fields as the server wrote them (the sign-out form's are left out), asked for as the
  // inbox's own link asks (a request from nowhere in particular gets the "Open request" page instead).
  const html = await (await page.request.get(requestPage, { headers: { "Sec-Fetch-Site": "same-origin" } })).text();
  const fields = Object.fromEntries(formActionFields(html).filter(([name]) => !name.startsWith("$ACTION_ID_")));
  expect(Object.keys(fields)).toContain("$ACTION_KEY");
  await page.goto(requestPage);
  const post = (origin: string) =>
    page.request.post(requestPage, {
      multipart: { ...fields, reference, status: "closed", note: "" },
      headers: { Origin: origin },
      maxRedirects: 0,
    });

  const forged = await post("https://attacker.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  await page.reload();
  await expect(page.getByText("No changes yet: the request is new.")).toBeVisible();

  // The same post from the inbox's own origin works: the refusal above is about the origin, not the fields.
  const genuine = await post(new URL(baseURL!).origin);
  expect(genuine.status()).toBeLessThan(400);
  await page.reload();
  await expect(page.getByRole("list", { name: "Status changes, oldest first" })).toContainText("Closed");
});

test("an authenticator code opens one session only; the session cookie ends with the browser", async ({ browser }) => {
  const setup = await browser.newPage();
  const desk = await enroll(setup, addStaffAccount(path.join(runDir, "data"), "staff", "replay"));
  await setup.close();
  // Two people at the password step (the owner, and someone who saw the password), then the same code.
  const pages = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const page of pages) {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email").fill(desk.email);
    await page.getByLabel("Password").fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("Code from your authenticator app")).toBeVisible();
  }
  const code = await freshCode(desk);
  const [owner, onlooker] = pages as [Page, Page];
  await owner.getByLabel("Code from your authenticator app").fill(code);
  await owner.getByRole("button", { name: "Sign in" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();
  await onlooker.getByLabel("Code from your authenticator app").fill(code);
  await onlooker.getByRole("button", { name: "Sign in" }).click();
  await expect(onlooker.locator("main").getByRole("alert")).toHaveText(
    "That code was used already. Enter your email and password again, then the next code your app shows.",
  );
  await onlooker.goto("/staff/requests");
  await expect(onlooker).toHaveURL(/\/staff\/sign-in/);

  const session = (await owner.context().cookies()).find((cookie) => cookie.name.endsWith("mocek-staff.session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/staff", expires: -1 });

  // An address that is not even validly encoded is no request: not found, not an error.
  const response = await owner.goto("/staff/requests/%E0%A4%A");
  expect(response?.status()).toBe(404);
  await Promise.all(pages.map((page) => page.close()));
});

test("a post to the inbox with no Origin, or marked cross-site by the browser, is refused before any action runs", async ({ request }) => {
  const refusedHeaders: Record<string, string>[] = [{}, { Origin: "null" }, { Origin: "http://localhost:3100", "Sec-Fetch-Site": "cross-site" }];
  for (const headers of refusedHeaders) {
    const response = await request.post("/staff/sign-in", { form: { step: "password", email: "a@b.example", password: "x" }, headers });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
});

test("a link to a request on another website opens nothing and records nothing; 'Open request' then opens it, recorded once", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const patientName = `Patient Elsewhere ${Date.now().toString(36).replace(/[0-9]/g, "x")}`;
  const reference = ((await postForm(request, baseURL!, { fullName: patientName })) as { reference: string }).reference;
  const desk = await enroll(page, addStaffAccount(path.join(runDir, "data"), "staff", "elsewhere"));
  // Another website, as a browser meets it: a page of its own origin with links into the inbox.
  await page.route("https://elsewhere.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><title>Elsewhere</title><a href="${baseURL}/staff/requests/${reference}">See the request</a>
        <a href="${baseURL}/staff/requests?q=${encodeURIComponent(patientName.slice(8))}">Search the inbox</a>`,
    }),
  );

  await page.goto("https://elsewhere.example/");
  await page.getByRole("link", { name: "Search the inbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();
  await page.goto("https://elsewhere.example/");
  await page.getByRole("link", { name: "See the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Request ${reference}` })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(patientName);
  await expect(page.locator("main")).toContainText("You came here from outside the inbox");

  await page.getByRole("link", { name: `Open request ${reference}` }).click();
  await expect(page.getByRole("link", { name: `Call ${patientName}: 501.555.0142` })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await enroll(adminPage, addStaffAccount(path.join(runDir, "data"), "admin", "elsewhere-admin"));
  await adminPage.goto("/staff/audit");
  await adminPage.getByLabel("Person").selectOption({ label: `${desk.name} (${desk.email})` });
  await adminPage.getByRole("button", { name: "Show", exact: true }).click();
  await expect(adminPage.locator('[data-audit-action="request-view"]')).toHaveCount(1);
  await expect(adminPage.locator('[data-audit-action="requests-search"]')).toHaveCount(0);
  await expect(adminPage.locator('[data-audit-action="enrollment-two-factor"]')).toHaveCount(1);
  await adminContext.close();
});

test("a status note longer than the inbox takes gets a message staff can act on, not a server error; the form says the limit", async ({ page, request, baseURL }) => {
  const sent = await postForm(request, baseURL!, { fullName: "Patient Longnote" });
  const reference = (sent as { reference: string }).reference;
  await enroll(page, addStaffAccount(path.join(runDir, "data"), "staff", "longnote"));
  const requestPage = `/staff/requests/${reference}`;
  await page.goto(requestPage);
  // The browser keeps a typed or pasted note within the limit, and the hint says what it is.
  await expect(page.getByRole("textbox", { name: /Note/ })).toHaveAttribute("maxlength", "1000");
  await expect(page.getByText(/up to 1,000 characters/)).toBeVisible();

  // Posted past the form (a script, or a browser that ignores maxlength): over Next's 64 KB limit for an action.
  // As the inbox's own page asks (a request with no Sec-Fetch-Site or referrer opens nothing, lib/security/same-origin.ts).
  const html = await (await page.request.get(requestPage, { headers: { "Sec-Fetch-Site": "same-origin" } })).text();
  const fields = Object.fromEntries(formActionFields(html).filter(([name]) => !name.startsWith("$ACTION_ID_")));
  const response = await page.request.post(requestPage, {
    multipart: { ...fields, reference, status: "closed", note: "x".repeat(70 * 1024) },
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("A note holds up to 1,000 characters");
  await page.reload();
  await expect(page.getByText("No changes yet: the request is new.")).toBeVisible();
});
