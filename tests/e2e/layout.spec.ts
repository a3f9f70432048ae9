// The page's frame on tablets and desktops as well as phones: a short header, a call link always in view up to
// tablet widths, one grid for header, text and footer, and the home page's picture beside its message on a desktop.
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

test("at 1280 px the header, the page's text and the footer start at the same left edge", async ({ page }) => {
  for (const href of LAYOUT_PAGES) {
    await page.goto(href);
    const edges = await page.evaluate(() => {
      const left = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().left;
      return { header: left("header a"), text: left("main h1"), footer: left("footer p") };
    });
    expect(Math.abs(edges.text - edges.header), `${href}: the page's heading lines up with the header (${JSON.stringify(edges)})`).toBeLessThanOrEqual(1);
    expect(Math.abs(edges.footer - edges.header), `${href}: the footer lines up with the header (${JSON.stringify(edges)})`).toBeLessThanOrEqual(1);
  }
});

test("at 1280 px a line of body text holds a comfortable 55 to 75 characters", async ({ page }) => {
  await page.goto("/benefits");
  const characters = await page.evaluate(() => {
    // The longest paragraph's first line: where the characters stop sharing the first one's line.
    const paragraph = [...document.querySelectorAll("main .prose > p")].sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let firstTop: number | undefined;
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let at = 0; at < node.textContent!.length; at += 1) {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const top = range.getBoundingClientRect().top;
        firstTop ??= top;
        if (top > firstTop + 2) return count;
        count += 1;
      }
    }
    return count;
  });
  expect(characters).toBeGreaterThanOrEqual(55);
  expect(characters).toBeLessThanOrEqual(75);
});

test("at 1280 px the home page's first screen shows the before and after picture beside the message", async ({ page }) => {
  await page.goto("/");
  const message = (await page.locator("main h1").boundingBox())!;
  const intro = (await page.locator("main p", { hasText: /MILD .* procedure/ }).first().boundingBox())!;
  for (const src of ["/images/lumbar-canal-narrowed.svg", "/images/lumbar-canal-after-mild.svg"]) {
    const image = page.locator(`main img[src="${src}"]`);
    // Seen, not merely placed: nothing (such as the message's band) is drawn over the middle of the picture.
    const seen = await image.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === element;
    });
    expect(seen, `${src} is not covered`).toBe(true);
    const picture = (await image.boundingBox())!;
    expect(picture.x, `${src} is right of the heading`).toBeGreaterThanOrEqual(message.x + message.width);
    expect(picture.x, `${src} is right of the intro`).toBeGreaterThanOrEqual(intro.x + intro.width);
    expect(picture.y, `${src} starts on the first screen`).toBeLessThan(900);
    expect(picture.y, `${src} starts on the first screen`).toBeGreaterThanOrEqual(0);
  }
  expect(message.y).toBeLessThan(900);
});
