// What the layout tests share: whether a reader can see and tap a call link wherever they are on the page.
import { expect, type Page } from "@playwright/test";
import { PHONE_HREF } from "../site-pages";

/** Pages of each kind the layout is measured on: the home page, a content page with a table, the longest page. */
export const LAYOUT_PAGES = ["/", "/benefits", "/faq"];

/** The call links a reader sees right now: shown, whole within the window, and large enough to tap. */
async function callLinksInView(page: Page) {
  return page.locator(`a[href="${PHONE_HREF}"]`).evaluateAll((links) =>
    links
      .map((link) => ({ link, box: link.getBoundingClientRect() }))
      .filter(({ link, box }) => link.checkVisibility({ visibilityProperty: true }) && box.top >= 0 && box.bottom <= window.innerHeight)
      .map(({ box }) => ({ height: box.height, width: box.width })),
  );
}

/** Scrolls to the top, the middle and the end of the page in turn, checking at each. */
async function atScrollPositions(page: Page, check: (position: string) => Promise<void>) {
  for (const [position, share] of [
    ["top", 0],
    ["middle", 0.5],
    ["bottom", 1],
  ] as const) {
    await page.evaluate((share) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * share), share);
    await check(position);
  }
}

/** At the top, the middle and the end of the page, a call link a finger can tap (44 px tall) is in view. */
export async function expectCallLinkInViewWhileScrolling(page: Page, where: string) {
  await atScrollPositions(page, async (position) => {
    const inView = await callLinksInView(page);
    expect(inView.length, `${where}: a call link is in view at the ${position} of the page`).toBeGreaterThanOrEqual(1);
    expect(Math.max(...inView.map((box) => box.height)), `${where}: the call link is a 44 px touch target`).toBeGreaterThanOrEqual(44);
  });
}

