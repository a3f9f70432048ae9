// Viewport-independent: runs in the desktop project only (see playwright.config.ts).
import { expect, test } from "@playwright/test";
import { allPages } from "./site-pages";

const REQUIRED_HEADERS: Record<string, RegExp> = {
  "content-security-policy": /default-src 'self'.*object-src 'none'.*base-uri 'none'.*frame-ancestors 'none'.*form-action 'self'/,
  "strict-transport-security": /max-age=\d{8,}/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^(strict-origin-when-cross-origin|same-origin)$/,
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": /^same-origin$/,
};

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
    const headers = response!.headers();
    for (const [name, pattern] of Object.entries(REQUIRED_HEADERS)) expect(headers[name], name).toMatch(pattern);
    expect(headers["x-powered-by"]).toBeUndefined();
    // No third-party origin is allowed anywhere in the policy.
    expect(headers["content-security-policy"]).not.toMatch(/https?:\/\//);
    expect(violations).toEqual([]);
  });
}
