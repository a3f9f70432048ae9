// The two pages that keep React (the self-check, the appointment form) send no script before the patient's first
// interaction: the build leaves React's chunks out of their first paint and a small inline loader fetches them on
// the first tap, key or focus (lib/zero-javascript/defer-runtime.mjs). Whatever the patient did while they were
// loading must count once React takes over. The scripts are held back here until the test lets them through, so
// each step waits for what the patient would: the page, the request, React's own answer.
import { expect, test, type Page } from "@playwright/test";

const NEXT_CHUNKS = "**/_next/static/chunks/**/*.js";
const RSC_PAYLOAD = "**/_next/static/rsc-payload/*.js";

/**
 * Records every script the page requests and holds each one that `held` matches (React's chunks unless told) until
 * `release()`: the scripts "still loading" for as long as the test needs, without waiting for any time.
 */
async function holdScripts(page: Page, held = NEXT_CHUNKS) {
  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") requested.push(request.url());
  });
  // React says so in the console when the page it hydrates differs from what it renders (and then redraws it).
  const consoleProblems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") consoleProblems.push(message.text());
  });
  page.on("pageerror", (error) => consoleProblems.push(error.message));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(held, async (route) => {
    await released;
    await route.continue();
  });
  return { requested, release, consoleProblems };
}

/** What the browser has been told to fetch as a script from the HTML alone: <script src> and script preloads. */
function scriptsInMarkup(page: Page) {
  return page.locator('script[src], link[as="script"], link[rel="modulepreload"]');
}

for (const href of ["/candidacy", "/request-appointment"]) {
  test(`${href} requests no script before the first interaction, and React's scripts on the first focus`, async ({ page }) => {
    const { requested, release } = await holdScripts(page);
    // Not "load": a script the page asked for would hold it back for as long as the script is held.
    await page.goto(href, { waitUntil: "domcontentloaded" });
    expect(requested, "scripts requested before any interaction").toEqual([]);
    await page.waitForLoadState("load");
    expect(requested, "scripts requested before any interaction").toEqual([]);
    await expect(scriptsInMarkup(page)).toHaveCount(0);
    // React's copy of the page (its RSC payload) waits with the scripts: the page's first bytes are its words.
    expect(await page.locator("script:not([src])").evaluateAll((scripts) => scripts.filter((script) => script.textContent!.includes("__next_f")).length)).toBe(0);

    // The first radio of the self-check, or the form's first field: a tap there is the patient's first interaction.
    await page.locator("main").locator("input:not([type=hidden]):not([tabindex='-1'])").first().focus();
    await expect.poll(() => requested.length, { message: "scripts requested after the first focus" }).toBeGreaterThan(0);
    expect(requested.every((url) => new URL(url).pathname.startsWith("/_next/static/"))).toBe(true);
    expect(new URL(requested[0]!).pathname, "the page's payload, before the runtime that reads it").toMatch(/^\/_next\/static\/rsc-payload\/[0-9a-f]+\.js$/);
    release();
  });
}

test("what a patient typed and chose while the form's scripts loaded is all still there, and React checks it", async ({ page }) => {
  const { requested, release, consoleProblems } = await holdScripts(page);
  await page.goto("/request-appointment", { waitUntil: "domcontentloaded" });
  const fullName = page.getByLabel(/Full name/);
  const afternoon = page.getByLabel("Afternoon");
  const notForEmergencies = page.getByLabel(/not for emergencies/);

  // The scripts start loading on the first tap, and are held: everything below happens before React runs.
  await fullName.click();
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  await fullName.pressSequentially("J");
  await afternoon.check();
  await notForEmergencies.check();
  await fullName.click();
  await fullName.press("End");
  release();

  // Only React's check answers on leaving the field (the server's answers only on sending): once it does, React
  // has taken the form over, and it judged what was typed before it arrived.
  // The field's own message (the summary above the form repeats it as a link).
  const nameError = page.locator("#fullName-error", { hasText: "Please enter your full name" });
  await expect(async () => {
    await fullName.focus();
    await fullName.blur();
    await expect(nameError).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(fullName).toHaveValue("J");
  await expect(afternoon).toBeChecked();
  await expect(notForEmergencies).toBeChecked();

  // Typing continues in the same field, and React's check follows it.
  await fullName.click();
  await fullName.press("End");
  await fullName.pressSequentially("ane Doe");
  await expect(fullName).toHaveValue("Jane Doe");
  await expect(nameError).toBeHidden();

  await page.getByLabel(/Phone number/).fill("501-555-0142");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.headers()["content-type"] ?? "");
  });
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { name: "We received your request" })).toBeFocused();
  // Sent by React (an action call, no page load), with the time and the box chosen before React ran.
  await expect(page).toHaveURL("/request-appointment");
  expect(posts).toHaveLength(1);
  expect(consoleProblems).toEqual([]);
});

test("the focus that starts the form's scripts stays in its field, and typing there carries on through hydration", async ({ page }) => {
  const { requested, release } = await holdScripts(page);
  await page.goto("/request-appointment", { waitUntil: "domcontentloaded" });
  const fullName = page.getByLabel(/Full name/);
  await fullName.focus();
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  await fullName.pressSequentially("Ja");
  release();
  // Nothing a patient sees tells them React has arrived: its mark on the field (its props) is the one sign.
  await page.waitForFunction(() => Object.keys(document.getElementById("fullName") ?? {}).some((key) => key.startsWith("__reactProps$")));
  await expect(fullName).toBeFocused();
  await fullName.pressSequentially("ne Doe");
  await expect(fullName).toBeFocused();
  await expect(fullName).toHaveValue("Jane Doe");
  // And React's check now answers on leaving it: an empty phone number.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator("#phone-error")).toContainText("Please enter your phone number");
});

test("\"Send\" before the form's scripts have loaded sends the form the way it goes without JavaScript", async ({ page }) => {
  const { release } = await holdScripts(page);
  await page.goto("/request-appointment", { waitUntil: "domcontentloaded" });
  await page.getByLabel(/Full name/).fill("Jane Doe");
  await page.getByLabel(/Phone number/).fill("501-555-0142");
  await page.getByLabel("Evening").check();
  await page.getByLabel(/not for emergencies/).check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { name: "We received your request" })).toBeVisible();
  release();
});

test("a self-check answer chosen before its scripts have loaded counts once they have", async ({ page }) => {
  const { requested, release, consoleProblems } = await holdScripts(page);
  await page.goto("/candidacy", { waitUntil: "domcontentloaded" });
  const selfCheck = page.getByRole("region", { name: "Could MILD help me?" });
  const firstQuestion = selfCheck.getByRole("group").first();
  await firstQuestion.getByRole("radio", { name: "No", exact: true }).check();
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  release();

  // The button appears once the self-check runs in the browser.
  const seeResult = selfCheck.getByRole("button", { name: "See what my answers mean" });
  await seeResult.click();
  await expect(firstQuestion.getByRole("radio", { name: "No", exact: true })).toBeChecked();
  const stillToAnswer = selfCheck.getByText(/^Still to answer:/);
  await expect(stillToAnswer).toBeVisible();
  await expect(stillToAnswer).not.toHaveText(/questions? 1\b/);
  expect(consoleProblems).toEqual([]);
});

test("a Yes to the warning signs chosen before the scripts have loaded says to call 911 as soon as they have", async ({ page }) => {
  const { requested, release, consoleProblems } = await holdScripts(page);
  await page.goto("/candidacy", { waitUntil: "domcontentloaded" });
  const selfCheck = page.getByRole("region", { name: "Could MILD help me?" });
  const warningSigns = selfCheck.getByRole("group").first();
  await expect(warningSigns).toHaveAccessibleName(/^1\. Do you have new loss of bladder or bowel control/);
  await warningSigns.getByRole("radio", { name: "Yes", exact: true }).check();
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  release();

  // No second tap: the answer given while the page was still static is the one the self-check acts on.
  const alert = selfCheck.getByRole("alert");
  await expect(alert).toContainText("Call 911 or go to the emergency room now");
  await expect(alert.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
  await expect(warningSigns.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  expect(consoleProblems).toEqual([]);
});

/** Whether the loader has added React's chunks and the browser has finished downloading all it will run. */
function chunksDownloaded(page: Page) {
  return page.evaluate(() => {
    const chunks = [...document.querySelectorAll<HTMLScriptElement>('script[src*="/_next/static/chunks/"]:not([nomodule])')];
    const downloaded = chunks.filter((script) => performance.getEntriesByName(script.src).some((entry) => (entry as PerformanceResourceTiming).responseEnd > 0));
    return chunks.length > 0 && downloaded.length === chunks.length;
  });
}

/** React's mark on a field (its props): the one sign that it has hydrated the page. */
const hydrated = (page: Page) =>
  page.locator("main input").evaluateAll((inputs) => inputs.some((input) => Object.keys(input).some((key) => key.startsWith("__reactProps$"))));

test("React's payload arriving after its scripts still runs before them: the self-check answers once it has come", async ({ page }) => {
  // A slow phone's connection may finish the scripts before the payload: only the payload is held here.
  const { release, consoleProblems } = await holdScripts(page, RSC_PAYLOAD);
  await page.goto("/candidacy", { waitUntil: "domcontentloaded" });
  const selfCheck = page.getByRole("region", { name: "Could MILD help me?" });
  const warningSigns = selfCheck.getByRole("group").first();
  await warningSigns.getByRole("radio", { name: "Yes", exact: true }).check();
  await expect.poll(() => chunksDownloaded(page), { message: "React's scripts downloaded" }).toBe(true);
  // Every script is there, but none has run: the runtime would start with no page to hydrate.
  expect(await hydrated(page)).toBe(false);
  release();

  await expect(selfCheck.getByRole("alert")).toContainText("Call 911 or go to the emergency room now");
  expect(consoleProblems).toEqual([]);
});

test("a payload that does not come (the page is from a release no longer served) leaves the form working as without JavaScript", async ({ page }) => {
  await page.route(RSC_PAYLOAD, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto("/request-appointment", { waitUntil: "domcontentloaded" });
  await page.getByLabel(/Full name/).fill("Jane Doe");
  await expect.poll(() => chunksDownloaded(page), { message: "React's scripts downloaded" }).toBe(true);
  await page.getByLabel(/Phone number/).fill("501-555-0142");
  await page.getByLabel("Evening").check();
  await page.getByLabel(/not for emergencies/).check();
  expect(await hydrated(page), "React cannot hydrate without its payload").toBe(false);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { name: "We received your request" })).toBeVisible();
});
