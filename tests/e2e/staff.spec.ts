/**
 * The staff inbox, as the front desk and an admin use it, on a phone and on a desktop (both projects run this
 * file): from an account made on the command line to calling a patient, every step in the audit log.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { postForm } from "./support/servers";
import { addStaffAccount, enroll, expectNoAxeViolations, freshCode, STAFF_PASSWORD } from "./support/staff";

const runDir = process.env.E2E_RUN_DIR!;
const dataDir = path.join(runDir, "data");

// Each test signs in from its own address: the lockout counts failures per address too, and one test's failures
// must not lock out another's.
let addressCounter = 0;
function ownAddress() {
  addressCounter += 1;
  return `10.${process.pid % 250}.${addressCounter}.${Math.floor(Math.random() * 250) + 1}`;
}

test.describe.configure({ timeout: 120_000 });
test.use({ extraHTTPHeaders: async ({}, provide) => provide({ "X-Forwarded-For": ownAddress() }) });

function uniqueName(label: string) {
  return `Patient ${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(/[0-9]/g, (digit) => "abcdefghij"[Number(digit)]!);
}

async function openRequestFromList(page: Page, search: string, reference: string) {
  await page.goto("/staff/requests");
  await page.getByLabel("Reference or name").fill(search);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("list", { name: "Requests" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Request ${reference}` })).toBeVisible();
}

test("from the command line's link to calling the patient: enroll, find the request, call, set a status with a note; the admin sees it all in the audit log", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const desk = await enroll(page, addStaffAccount(dataDir, "staff", "desk"), { checkAccessibility: true });

  // A patient sends the public form.
  const patientName = uniqueName("inbox");
  const sent = await postForm(request, baseURL!, { fullName: patientName, reason: `Numb feet ${patientName}` });
  expect(sent.outcome).toBe("received");
  const reference = (sent as { reference: string }).reference;

  // The list: found by name, newest first, with its status and the time in the clinic's zone.
  await page.goto("/staff/requests");
  await expectNoAxeViolations(page);
  await openRequestFromList(page, patientName.slice(8), reference);
  await expect(page.getByRole("link", { name: `Call ${patientName}: 501.555.0142` })).toHaveAttribute("href", "tel:+15015550142");
  await expect(page.getByText(`Numb feet ${patientName}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Status with a note, then the history says who and when.
  await page.getByLabel("Called – no answer").check();
  await page.getByLabel(/Note/).fill("Left a voicemail at 10am.");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Status saved.")).toBeVisible();
  const history = page.getByRole("list", { name: "Status changes, oldest first" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText(`Called – no answer by ${desk.name}`);
  await expect(history).toContainText("Left a voicemail at 10am.");

  // Found by reference too, with the filter, showing who touched it last.
  await page.goto("/staff/requests");
  await page.getByLabel("Status").selectOption("no_answer");
  await page.getByLabel("Reference or name").fill(reference);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("list", { name: "Requests" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Requests" })).toContainText(`Last changed by ${desk.name}`);

  // A staff member is refused on every admin page, on the server.
  for (const adminPage of ["/staff/users", "/staff/audit", "/staff/releases"]) {
    await page.goto(adminPage);
    await expect(page).toHaveURL(/\/staff\/requests\?refused=admin$/);
    await expect(page.locator("main").getByRole("alert")).toHaveText("Only admins can open that page.");
  }

  // The admin reads it all in the audit log.
  const adminContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ownAddress() } });
  const adminPage = await adminContext.newPage();
  await enroll(adminPage, addStaffAccount(dataDir, "admin", "chief"));
  await adminPage.goto(`/staff/audit?reference=${reference}`);
  const log = adminPage.locator("main");
  await expect(log).toContainText("Viewed a request");
  await expect(log).toContainText("Changed a request's status");
  await expect(log).toContainText(desk.email);
  await expect(log).not.toContainText(patientName);
  await adminPage.goto("/staff/audit");
  await expect(log).toContainText("Enrollment: two-factor turned on");
  await expect(log).toContainText("(server command line)");
  // Which version the website serves, in words; this server is not run by the release supervisor, and says so.
  await adminPage.getByRole("link", { name: "Website versions" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Website versions" })).toBeVisible();
  await expect(log).toContainText(/The website now shows the pages as they were saved on .+ \(version [0-9a-f]{7}\)/);
  await expect(log).toContainText("not run by the release supervisor");
  await adminContext.close();

  // Nothing of the patient's in the server's log.
  const serverLog = fs.readFileSync(path.join(runDir, "server.log"), "utf8");
  expect(serverLog).not.toContain(patientName);
  expect(serverLog).not.toContain("Left a voicemail");
});

test("a staff account without the ability gets 403 on the pages' list, not a redirect; an admin grants it in Users, without a script, and it opens", async ({
  page,
  browser,
}) => {
  const desk = await enroll(page, addStaffAccount(dataDir, "staff", "pages"));
  const refused = await page.goto("/staff/pages");
  expect(refused?.status()).toBe(403);
  await expect(page).toHaveURL(/\/staff\/pages$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account may not do this" })).toBeVisible();
  await page.goto("/staff/requests");
  await expect(page.getByRole("navigation", { name: "Staff inbox" }).getByRole("link", { name: "Pages" })).toHaveCount(0);

  // The admin's form works before any script loads: the same session, in a browser with JavaScript off.
  const adminContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ownAddress() } });
  await enroll(await adminContext.newPage(), addStaffAccount(dataDir, "admin", "grants"));
  const noScript = await browser.newContext({
    storageState: await adminContext.storageState(),
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": ownAddress() },
  });
  const admin = await noScript.newPage();
  await admin.goto("/staff/users");
  const person = admin.locator(`li[data-user-email="${desk.email}"]`);
  await expect(person.getByRole("definition").filter({ hasText: "Work the requests only" })).toBeVisible();
  await person.getByLabel("Edit pages").check();
  await person.getByRole("button", { name: `Save what ${desk.name} may do` }).click();
  await expect(admin.getByText(`Saved: ${desk.email} may now edit pages.`)).toBeVisible();
  await expect(admin.locator(`li[data-user-email="${desk.email}"]`).getByRole("definition").filter({ hasText: /^Edit pages$/ })).toBeVisible();
  // Readable on a phone: nothing wider than the screen.
  expect(await admin.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await noScript.close();
  await adminContext.close();

  const opened = await page.goto("/staff/pages");
  expect(opened?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Pages" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff inbox" }).getByRole("link", { name: "Pages" })).toHaveAttribute("aria-current", "page");
});

test("a search by name posts, with a script and without: the name is in no address the browser visits, and each search is in the audit log", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const desk = await enroll(page, addStaffAccount(dataDir, "staff", "finder"));
  const patientName = uniqueName("finder");
  const reference = ((await postForm(request, baseURL!, { fullName: patientName })) as { reference: string }).reference;
  const typed = patientName.slice(8);

  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    extraHTTPHeaders: { "X-Forwarded-For": ownAddress() },
  });
  const pages = [page, await noScript.newPage()];
  for (const searcher of pages) {
    const visited: string[] = [];
    searcher.on("request", (sent) => visited.push(sent.url()));
    await searcher.goto("/staff/requests");
    await searcher.getByLabel("Reference or name").fill(typed);
    await searcher.getByRole("button", { name: "Show" }).click();
    const found = searcher.getByRole("list", { name: "Requests" }).getByRole("listitem");
    await expect(found).toHaveCount(1);
    await expect(found).toContainText(reference);
    await expect(searcher.getByLabel("Reference or name")).toHaveValue(typed);
    expect(new URL(searcher.url()).pathname + new URL(searcher.url()).search).toBe("/staff/requests");
    for (const address of visited) expect(decodeURIComponent(address)).not.toContain(typed);
    // axe runs as a script in the page: the page without scripts is left out.
    if (searcher === page) await expectNoAxeViolations(searcher);
  }
  await noScript.close();

  // The admin sees both searches, with the reference found and never the words typed.
  const adminContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ownAddress() } });
  const adminPage = await adminContext.newPage();
  await enroll(adminPage, addStaffAccount(dataDir, "admin", "finder-admin"));
  await adminPage.goto("/staff/audit");
  await adminPage.getByLabel("Person").selectOption({ label: `${desk.name} (${desk.email})` });
  await adminPage.getByRole("button", { name: "Show", exact: true }).click();
  const searches = adminPage.locator('[data-audit-action="requests-search"]');
  await expect(searches).toHaveCount(2);
  await expect(searches.first()).toContainText(`1 found: ${reference}`);
  await expect(adminPage.locator("main")).not.toContainText(typed);
  await adminContext.close();
});

test("signed out, a request's page and the inbox redirect to sign-in and say nothing of whether the request exists", async ({ page, request, baseURL }) => {
  const sent = await postForm(request, baseURL!, { fullName: uniqueName("private") });
  const reference = (sent as { reference: string }).reference;
  const seen: string[] = [];
  for (const target of [`/staff/requests/${reference}`, "/staff/requests/MS-ZZZZZ"]) {
    await page.goto(target);
    await expect(page).toHaveURL(`/staff/sign-in?next=${encodeURIComponent(target)}`);
    seen.push((await page.locator("main").innerHTML()).replaceAll(encodeURIComponent(target), "").replaceAll(target, ""));
  }
  expect(seen[0]).toBe(seen[1]);
  await expect(page.locator("main")).not.toContainText(reference);
  await expectNoAxeViolations(page);
  await page.goto("/staff");
  await expect(page).toHaveURL("/staff/sign-in");
});

test("keyboard only: sign in with email, password and code, find a request, set its status, sign out on all devices", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const setup = await browser.newPage();
  const desk = await enroll(setup, addStaffAccount(dataDir, "staff", "keys"));
  const patientName = uniqueName("keys");
  const reference = ((await postForm(request, baseURL!, { fullName: patientName })) as { reference: string }).reference;

  await page.goto("/staff/sign-in");
  await page.keyboard.press("Tab"); // the skip link
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(desk.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(STAFF_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Code from your authenticator app")).toBeFocused();
  await page.keyboard.type(await freshCode(desk));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();

  // The search, by keyboard: focus moves from the status filter to the search box and on to "Show".
  await page.getByLabel("Status").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Reference or name")).toBeFocused();
  await page.keyboard.type(reference);
  await page.keyboard.press("Enter");
  const found = page.getByRole("link", { name: reference });
  await expect(found).toBeVisible();
  // The answer takes focus in its effect (a screen reader reads it): wait for that, as a keyboard user would,
  // or it can pull focus off the link between the two steps below (seen under load in CI).
  await expect(page.locator("main").getByRole("status")).toBeFocused();
  await found.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Request ${reference}` })).toBeVisible();

  // The status by arrow keys, the note, then Save, all from the keyboard.
  await page.getByLabel("New").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Called – no answer")).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Scheduled")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/Note/)).toBeFocused();
  await page.keyboard.type("Booked for Tuesday.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save status" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Status saved.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Status changes, oldest first" })).toContainText("Booked for Tuesday.");

  // Signing out on all devices ends the other session too.
  await setup.goto("/staff/requests");
  await expect(setup.getByRole("heading", { level: 1, name: "Appointment requests" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out on all devices" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/staff/sign-in?reason=signed-out");
  await page.goto("/staff/requests");
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await setup.goto("/staff/requests");
  await expect(setup).toHaveURL(/\/staff\/sign-in/);
  await setup.close();
});

test("five wrong passwords lock the account for 15 minutes; the messages never say which part was wrong", async ({ page, browser }) => {
  const setup = await browser.newPage();
  const desk = await enroll(setup, addStaffAccount(dataDir, "staff", "lock"));
  await setup.close();

  await page.goto("/staff/sign-in");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Email").fill(desk.email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    // One answer per attempt: the message stays the same, so wait for the server's reply before the next.
    await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name: "Continue" }).click()]);
    await expect(page.locator("main").getByRole("alert")).toHaveText("That email and password do not match an account that can sign in. Check them and try again.");
    // The form is cleared for the next try (the email kept, the password not): wait for that before typing.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Email")).toHaveValue(desk.email);
  }
  // The right password now: still refused, for the account, from any address.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ownAddress() } });
  const other = await elsewhere.newPage();
  await other.goto("/staff/sign-in");
  await other.getByLabel("Email").fill(desk.email);
  await other.getByLabel("Password").fill(STAFF_PASSWORD);
  await other.getByRole("button", { name: "Continue" }).click();
  await expect(other.locator("main").getByRole("alert")).toContainText("Too many tries. Sign-in is paused for 15 minutes.");
  await expect(other.getByLabel("Code from your authenticator app")).toHaveCount(0);
  await elsewhere.close();
});

test("an account that does not exist gets the same words as a wrong password", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email").fill("nobody@staff.example");
  await page.getByLabel("Password").fill("some password here");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("That email and password do not match an account that can sign in. Check them and try again.");
  await expectNoAxeViolations(page);
});
