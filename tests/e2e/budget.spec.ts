// Byte budgets per page: what a cheap phone on a slow network must download. Sizes are as sent (gzip), so
// they repeat exactly run to run; speed itself is measured by `npm run bench`, not asserted here.
import { expect, test, type Page } from "@playwright/test";
import { allPages, appRoutePages, readZeroJavaScriptDecision, showsClientComponent } from "./site-pages";

const KB = 1024;
/**
 * A page without a client component of ours ships no JavaScript at all: the build strips Next's runtime from it
 * (lib/zero-javascript). The pages that keep React carry Next 16's and React 19's runtime, 132.9 KB as built by
 * Turbopack: the self-check's page holds that plus its small form (about 2 KB), within 134 + 3 KB, and the form
 * page meets its 160 KB target (147.6 KB): it adds react-hook-form, and its zod check is fetched only when the
 * patient first focuses a field. Neither sends any of it before the visitor's first tap, key or focus
 * (lib/zero-javascript/defer-runtime.mjs): the budgets are what arrives then.
 */
// The self-check's allowance grew from 3 to 5 KB with issue 23's instant "call 911" answer under the warning-sign
// question and issue 24's reading of answers chosen before hydration; both arrive only after the first interaction.
const JAVASCRIPT_BUDGET = { runtime: 134 * KB, formPage: 160 * KB, selfCheck: 5 * KB };
/**
 * A page's HTML as sent: all of it must arrive in the server's first round trip, about 14 KB (gzip) with the
 * headers, or the first paint waits for another. The largest today are /candidacy (7.2 KB), /faq and /evidence
 * (7.0 KB), so the words have room to grow. The pages that keep React send their words and the loader that fetches
 * React on the first interaction; React's copy of the page (its RSC payload) comes with React, as a file of its
 * own. Sent inline, it took /candidacy's HTML past 15 KB and delayed its first paint by a round trip.
 */
const HTML_BUDGET = 13 * KB;
/** React's copy of the page, fetched with React on the first interaction: 8.9 KB for /candidacy, 6.0 KB for the form (gzip). */
const RSC_PAYLOAD_BUDGET = 12 * KB;
const RSC_PAYLOAD_PATH = "/_next/static/rsc-payload/";
/**
 * The typeface (Atkinson Hyperlegible, made for readers with low vision), regular and bold, cut down to the
 * characters our content uses (lib/reader-font/subset.mjs): 6.5 KB each as woff2. Italic is left to the browser to
 * slant; any further weight, or a subset that grows back towards @fontsource's 17 KB files, fails. The rest of
 * Latin-1 and Latin Extended-A waits in extension files that no page of ours downloads (see the test below).
 */
const FONT_BUDGET = 14 * KB;
const formHrefs = new Set<string>(appRoutePages.map((page) => page.href));

/** Records what a page downloads from now on: `sum()` gives the script requests, the bytes of code and of React's payload, HTML and fonts so far. */
function watchTransfers(page: Page) {
  const transfers: { url: string; type: string; bytes: Promise<number> }[] = [];
  page.on("requestfinished", (request) => {
    transfers.push({
      url: request.url(),
      type: request.resourceType(),
      bytes: request.sizes().then((sizes) => sizes.responseBodySize),
    });
  });
  return async () => {
    const sized = await Promise.all(transfers.map(async (transfer) => ({ ...transfer, bytes: await transfer.bytes })));
    const scripts = sized.filter((transfer) => transfer.type === "script");
    const isPayload = (transfer: (typeof sized)[number]) => new URL(transfer.url).pathname.startsWith(RSC_PAYLOAD_PATH);
    const bytesOf = (transfers: typeof sized) => transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
    return {
      scriptUrls: scripts.map((transfer) => transfer.url),
      javascript: bytesOf(scripts.filter((transfer) => !isPayload(transfer))),
      payload: bytesOf(scripts.filter(isPayload)),
      html: sized.find((transfer) => transfer.type === "document")?.bytes ?? 0,
      fonts: bytesOf(sized.filter((transfer) => transfer.type === "font")),
    };
  };
}

/** Scripts the page has requested that have not finished arriving (a browser with modules fetches no noModule one). */
function pendingScripts(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>("script[src]:not([nomodule])")].filter(
      (script) => !performance.getEntriesByName(script.src).some((entry) => (entry as PerformanceResourceTiming).responseEnd > 0),
    ).length,
  );
}

/** Loads a page and returns what it downloaded before any interaction: the JavaScript requests and bytes, the HTML and the font bytes. */
async function transfersOf(page: Page, href: string) {
  const sum = watchTransfers(page);
  await page.goto(href);
  await page.waitForLoadState("networkidle");
  return sum();
}

for (const sitePage of allPages) {
  test(`${sitePage.href} stays within its JavaScript and HTML budgets`, async ({ page }) => {
    const sum = watchTransfers(page);
    await page.goto(sitePage.href);
    await page.waitForLoadState("networkidle");
    const beforeInteraction = await sum();
    const interactive = await showsClientComponent(page, sitePage.href);
    // Every page sends no script before the visitor's first interaction; where React runs, it arrives then.
    expect(beforeInteraction.scriptUrls, "scripts requested before any interaction").toEqual([]);
    if (interactive) {
      // A key press (Shift moves nothing); then React runs, and on the self-check's page its form shows its button.
      await page.keyboard.press("Shift");
      await expect.poll(() => page.evaluate(() => "next" in window), { message: "Next's runtime ran" }).toBe(true);
      if (await page.locator(".self-check").count()) await expect(page.getByRole("button", { name: "See what my answers mean" })).toBeVisible();
      await expect.poll(() => pendingScripts(page), { message: "scripts still loading" }).toBe(0);
    }
    const { scriptUrls, javascript, payload, html, fonts } = await sum();
    const showsSelfCheck = (await page.locator(".self-check").count()) > 0;
    const budget = !interactive
      ? 0
      : (formHrefs.has(sitePage.href) ? JAVASCRIPT_BUDGET.formPage : JAVASCRIPT_BUDGET.runtime) + (showsSelfCheck ? JAVASCRIPT_BUDGET.selfCheck : 0);
    test.info().annotations.push({
      type: "bytes",
      description: `JS ${(beforeInteraction.javascript / KB).toFixed(1)} KB before the first interaction, ${(javascript / KB).toFixed(1)} KB after it, of ${budget / KB}, RSC payload ${(payload / KB).toFixed(1)} KB, HTML ${(html / KB).toFixed(1)} KB, fonts ${(fonts / KB).toFixed(1)} KB`,
    });
    expect(javascript, "JavaScript bytes (gzip)").toBeLessThanOrEqual(budget);
    expect(payload, "RSC payload bytes (gzip)").toBeLessThanOrEqual(interactive ? RSC_PAYLOAD_BUDGET : 0);
    if (interactive) expect(payload, "React's payload arrives with React, not in the HTML").toBeGreaterThan(0);
    expect(html, "HTML bytes (gzip)").toBeLessThanOrEqual(HTML_BUDGET);
    expect(fonts, "font bytes").toBeLessThanOrEqual(FONT_BUDGET);
    if (!interactive) {
      expect(scriptUrls, "no script is even requested").toEqual([]);
      // Nothing inline either: the only <script> left is the structured data for search engines.
      await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    }
    // The build decided the same: only the pages with a client component of ours keep the runtime.
    const decision = readZeroJavaScriptDecision();
    expect(decision.zeroJavaScript.includes(sitePage.href), "listed in .next/zero-javascript.json as zero-JavaScript").toBe(!interactive);
    expect(sitePage.href in decision.keepRuntime, "listed as keeping the runtime").toBe(interactive);
  });
}

test("a name no page uses yet (José Núñez, Łukasz Wróbel) is drawn in the typeface, from extension files only that page downloads", async ({ page }) => {
  const fontUrls: string[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "font") fontUrls.push(request.url());
  });
  const extensionUrls = () => fontUrls.filter((url) => /atkinson-hyperlegible-(latin-1|extended-a|content-extended)-/.test(url));
  await page.goto("/about");
  await page.waitForLoadState("networkidle");
  expect(fontUrls, "the two preloaded files").toHaveLength(2);
  expect(extensionUrls(), "no extension file for a page without such a letter").toEqual([]);
  // What the editor's preview will show: a physician's name typed today, not yet in any page the fonts were cut for.
  await page.locator("h1").evaluate((heading) => (heading.textContent = "Dr. José Núñez and Dr. Łukasz Wróbel"));
  // The heading is bold: the bold extension files, one for Latin-1's letters and one for Latin Extended-A's.
  await expect.poll(() => extensionUrls().length).toBe(2);
  expect(extensionUrls()).toEqual(expect.arrayContaining([expect.stringContaining("latin-1-700"), expect.stringContaining("extended-a-700")]));
  const drawnInTypeface = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('700 16px "Atkinson Hyperlegible extension"', "éúñŁó");
  });
  expect(drawnInTypeface).toBe(true);
});

test("the not-found page ships no JavaScript", async ({ page }) => {
  const { scriptUrls, javascript } = await transfersOf(page, "/no-such-page");
  expect(scriptUrls).toEqual([]);
  expect(javascript).toBe(0);
  await expect(page.locator("script")).toHaveCount(0);
});

test("from a page that keeps React, a link to one without is a plain page load: no RSC request, no script there", async ({ page }) => {
  await page.goto("/candidacy");
  await page.waitForLoadState("networkidle");
  const rscRequests: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["rsc"] !== undefined || request.url().includes("_rsc=")) rscRequests.push(request.url());
  });
  await page.locator('footer a[href="/privacy"]').click();
  await expect(page).toHaveURL("/privacy");
  await page.waitForLoadState("networkidle");
  expect(rscRequests).toEqual([]);
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
});
