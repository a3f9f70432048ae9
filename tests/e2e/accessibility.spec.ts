// Accessibility beyond axe: what keyboard users, zoom users and people who print a page for their visit notice.
import { expect, test, type Page } from "@playwright/test";
import { allPages } from "./site-pages";

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Boxes (a card, a button, a notice) whose words stick out past their edge, where they run over the border or off
 * the screen. A box that scrolls or clips on purpose (a wide table's scroller, screen-reader-only text) and
 * everything inside it are left out.
 */
async function wordsOutsideTheirBox(page: Page) {
  return page.evaluate(() => {
    const scrollsOrClips = (element: Element) => getComputedStyle(element).overflowX !== "visible";
    const insideScroller = (element: Element) => {
      for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
        if (scrollsOrClips(ancestor)) return true;
      }
      return false;
    };
    const spilling = [...document.body.querySelectorAll("*")]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 && element.checkVisibility())
      .filter((element) => !scrollsOrClips(element) && !insideScroller(element));
    // Name the innermost box: its ancestors spill only because it does.
    return spilling
      .filter((element) => !spilling.some((other) => other !== element && element.contains(other)))
      .map((element) => `<${element.tagName.toLowerCase()}> "${element.textContent?.trim().slice(0, 50)}"`);
  });
}

/** Where the focused element is, how its focus ring looks, and whether a fixed bar or the sticky header covers it. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const stickyBar = document.querySelector('aside[aria-label="Call the clinic"]');
    const bar = stickyBar && getComputedStyle(stickyBar).display !== "none" ? stickyBar.getBoundingClientRect() : null;
    const header = document.querySelector("header")!;
    return {
      tag: element.tagName,
      text: element.textContent?.trim().slice(0, 40) ?? "",
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      inViewport: box.bottom > 0 && box.top < window.innerHeight,
      hiddenUnderBar: bar ? box.bottom > bar.top && !stickyBar!.contains(element) : false,
      // From tablets up the header stays at the top of the screen while the page scrolls under it: what is drawn at
      // the top of the focused element must not be the header (unless the focus is in it).
      hiddenUnderHeader:
        !header.contains(element) && box.top >= 0 && header.contains(document.elementFromPoint(box.left + box.width / 2, box.top + 1)),
    };
  });
}

test("keyboard only: skip link, the menu, a content page and its links, each focus visible and never under the sticky bar or header", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Open the procedure page from the menu with the keyboard alone.
  await page.goto("/");
  const menuLink = page.getByRole("navigation", { name: /^Main/ }).getByRole("link", { name: "The procedure", exact: true });
  await page.locator("header summary").focus();
  await page.keyboard.press("Enter");
  await menuLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/mild-procedure");

  // Tab through the whole page: every stop shows a solid focus ring of at least 2 px and is not covered.
  for (let stop = 0; stop < 40; stop += 1) {
    await page.keyboard.press("Tab");
    const focus = await focusState(page);
    if (focus.tag === "BODY") break;
    expect(focus.outlineStyle, `focus ring on ${focus.tag} "${focus.text}"`).toBe("solid");
    expect(focus.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(focus.inViewport, `"${focus.text}" is scrolled into view`).toBe(true);
    expect(focus.hiddenUnderBar, `"${focus.text}" is not under the sticky call bar`).toBe(false);
    expect(focus.hiddenUnderHeader, `"${focus.text}" is not under the sticky header`).toBe(false);
  }
});

test("the focus ring stands out (3:1 or more) from the white kept around it by its offset", async ({ page }) => {
  await page.goto("/contact");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab"); // the clinic's name in the header, on the white page
  const ratios = await page.evaluate(() => {
    const channels = (rgb: string) => (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const luminance = (rgb: string) => {
      const [r, g, b] = channels(rgb).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    const style = getComputedStyle(document.activeElement!);
    return { onPage: contrast(style.outlineColor, "rgb(255, 255, 255)"), offset: parseFloat(style.outlineOffset) };
  });
  expect(ratios.onPage).toBeGreaterThanOrEqual(3);
  // The offset puts page background, not the button's own colour, next to the ring on dark buttons too.
  expect(ratios.offset).toBeGreaterThanOrEqual(2);
});

test.describe("at 320 px wide (reflow)", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const sitePage of allPages) {
    test(`${sitePage.href} needs no sideways scrolling`, async ({ page }) => {
      await page.goto(sitePage.href);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
});

// Without JavaScript a page shows what the server sent (the self-check as a checklist, for one); with it, what the
// page becomes once its scripts have run. Both must hold enlarged text.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`with text at 200 %${javaScriptEnabled ? "" : ", without JavaScript"}`, () => {
    test.use({ javaScriptEnabled });
    // One test a page: each page added (the notices of issue 23) adds a test, not time to one test's limit.
    for (const sitePage of allPages) {
      test(`${sitePage.href} keeps every word inside its box and needs no sideways scrolling`, async ({ page }) => {
        await page.goto(sitePage.href, { waitUntil: javaScriptEnabled ? "networkidle" : "load" });
        if (javaScriptEnabled) {
          // Where React runs, it arrives on the first interaction (a key press; Shift moves nothing).
          await page.keyboard.press("Shift");
          await expect.poll(() => page.evaluate(() => !document.querySelector("script[src]") || "next" in window)).toBe(true);
          await page.waitForLoadState("networkidle");
        }
        await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
        await expect(page.locator("h1")).toBeVisible();
        expect(await horizontalOverflow(page), sitePage.href).toBeLessThanOrEqual(0);
        expect(await wordsOutsideTheirBox(page), sitePage.href).toEqual([]);
      });
    }
  });
}

test.describe("with reduced motion asked for", () => {
  test.use({ reducedMotion: "reduce" });
  test("nothing animates", async ({ page }) => {
    await page.goto("/");
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll("*")].map((element) => getComputedStyle(element).transitionDuration).filter((value) => value !== "0s"),
    );
    expect(durations.every((value) => parseFloat(value) <= 0.001)).toBe(true);
  });
});

test("printed, a page keeps its words and the phone, drops the menus and shows where links lead", async ({ page }) => {
  await page.goto("/mild-procedure");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header nav").first()).toBeHidden();
  await expect(page.getByRole("complementary", { name: "Call the clinic" })).toBeHidden();
  await expect(page.locator("header").getByRole("link", { name: "Call 501.224.4001" })).toBeVisible();
  await expect(page.locator("h1")).toBeVisible();
  const linkTarget = await page
    .locator('main a[href="/candidacy"]')
    .first()
    .evaluate((link) => getComputedStyle(link, "::after").content);
  expect(linkTarget).toContain("/candidacy");
});
