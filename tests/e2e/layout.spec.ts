// The page's frame on tablets and desktops as well as phones: a short header, a call link always in view up to
// tablet widths.
// The desktop project alone runs it (playwright.config.ts) and sets the tablet widths itself; phone.spec.ts measures
// the same at 390 px.
import { expect, test } from "@playwright/test";
import { expectCallLinkInViewWhileScrolling, LAYOUT_PAGES } from "./support/call-link";

/** Portrait and landscape tablets, then the desktop project's own size. */
const WIDE_SCREENS = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 900 },
] as const;

for (const screen of WIDE_SCREENS) {
  test(`at ${screen.width} × ${screen.height} the header is one short row and the call link stays in view`, async ({ page }) => {
    await page.setViewportSize(screen);
    for (const href of LAYOUT_PAGES) {
      await page.goto(href);
      const header = (await page.locator("header").boundingBox())!;
      expect(header.height, `${href}: header height`).toBeLessThanOrEqual(90);
      // Up to tablet widths the call link must stay in view; on a desktop the header holds it at the top.
      if (screen.width <= 1024) await expectCallLinkInViewWhileScrolling(page, `${screen.width} px, ${href}`);
    }
  });
}

test("at 1024 px with text at 200 %, the header's words stay inside their boxes and the call link stays in view", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/faq");
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const spilling = await page.locator("header *").evaluateAll((elements) =>
    elements
      .filter((element) => element.checkVisibility() && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX === "visible")
      .map((element) => element.textContent?.trim().slice(0, 40)),
  );
  expect(spilling, "header boxes whose words spill out").toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectCallLinkInViewWhileScrolling(page, "1024 px at 200 % text");
});
