// Phone-only behaviour: this file runs in the phone project alone (see playwright.config.ts).
import { expect, test } from "@playwright/test";
import { PHONE_HREF } from "./site-pages";
import { expectCallLinkInViewWhileScrolling, LAYOUT_PAGES } from "./support/call-link";

test("a sticky call button stays within reach at the bottom while reading", async ({ page }) => {
  await page.goto("/mild-procedure");
  await page.mouse.wheel(0, 2000);
  const stickyCall = page.getByRole("complementary", { name: "Call the clinic" }).getByRole("link", { name: "Call 501.224.4001" });
  await expect(stickyCall).toBeInViewport();
  await expect(stickyCall).toHaveAttribute("href", PHONE_HREF);
  const box = await stickyCall.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
});

// The same measures as tests/e2e/layout.spec.ts takes at tablet and desktop widths.
test("the header is at most 90 px tall and a call link is in view wherever the reader scrolls", async ({ page }) => {
  for (const href of LAYOUT_PAGES) {
    await page.goto(href);
    expect((await page.locator("header").boundingBox())!.height, `${href}: header height`).toBeLessThanOrEqual(90);
    await expectCallLinkInViewWhileScrolling(page, `390 px, ${href}`);
  }
});

test("the last link of the page is not hidden under the sticky bar when focused", async ({ page }) => {
  await page.goto("/faq");
  const lastFooterLink = page.getByRole("navigation", { name: "Policies" }).getByRole("link").last();
  await lastFooterLink.focus();
  const link = await lastFooterLink.boundingBox();
  const bar = await page.getByRole("complementary", { name: "Call the clinic" }).boundingBox();
  expect(link!.y + link!.height, "focused link ends above the sticky bar").toBeLessThanOrEqual(bar!.y);
});

// The header gives the screen back to the page: one row, the clinic's name and the menu; calling is the sticky bar's.
for (const [width, height] of [
  [320, 640],
  [360, 740],
  [390, 844],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test("the header is one short row without a call button", async ({ page }) => {
      await page.goto("/");
      const header = (await page.locator("header").boundingBox())!;
      expect(header.height, "header height").toBeLessThanOrEqual(72);
      expect(header.height / height, "share of the first screen the header takes").toBeLessThanOrEqual(0.15);
      await expect(page.locator("header").locator(`a[href="${PHONE_HREF}"]`).filter({ visible: true })).toHaveCount(0);
      await expect(page.locator("header summary")).toBeVisible();
    });

    test("the open menu ends above the sticky call bar", async ({ page }) => {
      await page.goto("/contact");
      await page.locator("header summary").click();
      const bar = (await page.getByRole("complementary", { name: "Call the clinic" }).boundingBox())!;
      const links = page.getByRole("navigation", { name: /^Main/ }).getByRole("link");
      await expect(links.last()).toBeVisible();
      const last = (await links.last().boundingBox())!;
      expect(last.y + last.height, "the last menu link ends above the bar").toBeLessThanOrEqual(bar.y);
    });
  });
}

test("on a 390 × 844 phone, header and sticky call bar together take at most 15% of the first screen", async ({ page }) => {
  await page.goto("/");
  const header = (await page.locator("header").boundingBox())!;
  const bar = (await page.getByRole("complementary", { name: "Call the clinic" }).boundingBox())!;
  expect((header.height + bar.height) / 844).toBeLessThanOrEqual(0.15);
});

test("the page heading is clearly bigger than a section heading (1.25 times or more), and body text is 18 px or more", async ({ page }) => {
  await page.goto("/mild-procedure");
  const sizes = await page.evaluate(() => ({
    h1: parseFloat(getComputedStyle(document.querySelector("h1")!).fontSize),
    h2: parseFloat(getComputedStyle(document.querySelector("main h2")!).fontSize),
    body: parseFloat(getComputedStyle(document.querySelector("main .prose p")!).fontSize),
  }));
  expect(sizes.h1 / sizes.h2).toBeGreaterThanOrEqual(1.25);
  expect(sizes.body).toBeGreaterThanOrEqual(18);
});

test("the home page does not scroll sideways at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
