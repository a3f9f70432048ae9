// Viewport-independent: runs in the desktop project only (see playwright.config.ts).
import { expect, test, type Page } from "@playwright/test";
import { allPages, showsClientComponent } from "./site-pages";

const REQUIRED_HEADERS: Record<string, RegExp> = {
  "content-security-policy": /default-src 'self'.*object-src 'none'.*base-uri 'none'.*frame-ancestors 'none'.*form-action 'self'/,
  "strict-transport-security": /max-age=\d{8,}/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^(strict-origin-when-cross-origin|same-origin)$/,
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": /^same-origin$/,
};

/**
 * The script-src of a policy: 'none' where the build left no JavaScript; where React runs (from the first
 * interaction), this origin and exactly the page's own inline scripts, by hash.
 */
const scriptSource = (policy: string | null | undefined) => /(?:^|;\s*)script-src ([^;]*)/.exec(policy ?? "")?.[1];
const metaPolicy = (page: Page) => page.locator('head meta[http-equiv="Content-Security-Policy"]');

for (const sitePage of [...allPages, { href: "/no-such-page", title: "", file: "404" }]) {
  test(`${sitePage.href} sends the security headers and breaks none of its rules`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    // Chromium also reports violations that scripts catch (a library probing for eval, say) only as DevTools issues.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send("Audits.enable");
    devtools.on("Audits.issueAdded", ({ issue }) => {
      if (issue.code === "ContentSecurityPolicyIssue") violations.push(JSON.stringify(issue.details));
    });
    const response = await page.goto(sitePage.href);
    await page.waitForLoadState("networkidle");
    const interactive = await showsClientComponent(page, sitePage.href);
    if (interactive) {
      // React arrives on the first interaction: a key press (Shift moves nothing), then every script it loads.
      await page.keyboard.press("Shift");
      await page.waitForLoadState("networkidle");
      await expect.poll(() => page.evaluate(() => "next" in window), { message: "Next's runtime ran" }).toBe(true);
    }
    const headers = response!.headers();
    for (const [name, pattern] of Object.entries(REQUIRED_HEADERS)) expect(headers[name], name).toMatch(pattern);
    expect(headers["x-powered-by"]).toBeUndefined();
    // No third-party origin is allowed anywhere in the policy.
    expect(headers["content-security-policy"]).not.toMatch(/https?:\/\//);

    // Where no script of ours runs, none may: the page itself says so (for any host), and so does the header
    // wherever the address is known at build time (every page but the 404, which answers at any address).
    if (interactive) {
      expect(scriptSource(headers["content-security-policy"])).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
      await expect(metaPolicy(page)).toHaveCount(0);
    } else {
      expect(scriptSource(await metaPolicy(page).getAttribute("content"))).toBe("'none'");
      if (sitePage.href !== "/no-such-page") expect(scriptSource(headers["content-security-policy"])).toBe("'none'");
    }
    expect(violations).toEqual([]);
  });
}

/** Appends an inline <script> as an injection would arrive (an element in the document, not DevTools' evaluation). */
async function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.documentElement.dataset.injected = 'ran'";
    document.head.append(script);
    return document.documentElement.dataset.injected === "ran";
  });
}

for (const href of ["/mild-procedure", "/no-such-page", "/candidacy", "/request-appointment"]) {
  test(`${href}: a script slipped into the page does not run`, async ({ page }) => {
    await page.goto(href);
    expect(await injectedScriptRuns(page)).toBe(false);
  });
}

test("a page without a policy runs the slipped-in script: the check above can tell", async ({ page }) => {
  await page.setContent("<!doctype html><html><head></head><body></body></html>");
  expect(await injectedScriptRuns(page)).toBe(true);
});
