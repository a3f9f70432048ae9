// What a patient sees first: the header, the home page's opening screen, where they are in the menu, one emergency
// notice at a time, pictures beside the steps they show, tables and the printed page. Runs on a phone and a desktop.
import { expect, test, type Page } from "@playwright/test";
import { PHONE_HREF } from "./site-pages";

const EMERGENCY_NOTICES = '[data-emergency-notice]';

/** The bottom of what the reader sees without scrolling: the top of the sticky call bar on a phone. */
async function visibleBottom(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('aside[aria-label="Call the clinic"]');
    return bar && getComputedStyle(bar).display !== "none" ? bar.getBoundingClientRect().top : window.innerHeight;
  });
}

async function expectInFirstScreen(page: Page, name: string, locator: ReturnType<Page["locator"]>) {
  await expect(locator, name).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.y, `${name} starts on the first screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${name} ends above the fold (or above the sticky call bar)`).toBeLessThanOrEqual(await visibleBottom(page));
}

test("the home page's first screen says who it is for and holds the next steps: call, request an appointment, self-check", async ({ page }) => {
  await page.goto("/");
  const h1 = page.locator("h1");
  await expect(h1).toHaveText("Leg or back pain when you stand or walk?");
  await expectInFirstScreen(page, "the heading", h1);
  await expectInFirstScreen(page, "the one-sentence answer", page.locator("main p", { hasText: /MILD .* procedure/ }).first());
  // A call link in view: on a phone the sticky bar's, at the bottom of the screen; on a desktop the header's or the page's.
  const callLinksInView = await page.locator(`a[href="${PHONE_HREF}"]`).evaluateAll((links) =>
    links.filter((link) => {
      const box = link.getBoundingClientRect();
      return link.checkVisibility() && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    }).length,
  );
  expect(callLinksInView, "call links on the first screen").toBeGreaterThanOrEqual(1);
  await expectInFirstScreen(page, "the appointment link", page.locator("main").getByRole("link", { name: "Request an appointment", exact: true }));
  await expectInFirstScreen(page, "the self-check link", page.locator('main a[href="/candidacy#self-check"]'));
  // The home page ends with short paths, not cards that repeat the whole menu with their descriptions.
  await expect(page.locator("main").getByText("Last updated")).toHaveCount(0);
});

test("the home page shows the canal before and after MILD together", async ({ page }) => {
  await page.goto("/");
  const pictures = page.locator("main figure img");
  const sources = await pictures.evaluateAll((images) => images.map((image) => image.getAttribute("src")));
  const before = sources.indexOf("/images/lumbar-canal-narrowed.svg");
  const after = sources.indexOf("/images/lumbar-canal-after-mild.svg");
  expect(before, "the 'before' picture is on the home page").toBeGreaterThanOrEqual(0);
  expect(after, "the 'after' picture comes right after the 'before' one").toBe(before + 1);
});

test("the menu marks the page you are on, for the eye and for screen readers", async ({ page }) => {
  await page.goto("/mild-procedure");
  await page.locator("header summary").click();
  const menu = page.getByRole("navigation", { name: /^Main/ });
  const current = menu.getByRole("link", { name: "The procedure", exact: true });
  await expect(current).toHaveAttribute("aria-current", "page");
  await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);
  const looks = async (link: ReturnType<Page["locator"]>) =>
    link.evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.backgroundColor, style.color, style.borderBottomWidth, style.borderLeftWidth, style.textDecorationLine].join(" ");
    });
  const other = menu.getByRole("link", { name: "Benefits", exact: true });
  expect(await looks(current), "the current page's link looks different from the others").not.toBe(await looks(other));
});

test("on wide screens the header keeps the call and appointment buttons; on a phone the call button is in the sticky bar only", async ({ page, isMobile }) => {
  await page.goto("/contact");
  const headerCalls = page.locator("header").locator(`a[href="${PHONE_HREF}"]`).filter({ visible: true });
  const barCall = page.getByRole("complementary", { name: "Call the clinic" }).getByRole("link", { name: "Call 501.224.4001" });
  if (isMobile) {
    await expect(headerCalls).toHaveCount(0);
    await expect(barCall).toBeVisible();
  } else {
    await expect(headerCalls).toHaveCount(1);
    await expect(page.locator("header").getByRole("link", { name: "Request an appointment" })).toBeVisible();
  }
});

for (const href of ["/contact", "/candidacy", "/request-appointment", "/lumbar-spinal-stenosis"]) {
  test(`${href} shows its emergency notice once, not again in the footer right after it`, async ({ page }) => {
    await page.goto(href);
    await expect(page.locator("main").locator(EMERGENCY_NOTICES).filter({ visible: true }).first()).toBeVisible();
    await expect(page.locator("footer").locator(EMERGENCY_NOTICES)).toBeHidden();
  });
}

test("a page without its own emergency notice keeps the footer's", async ({ page }) => {
  await page.goto("/benefits");
  await expect(page.locator(EMERGENCY_NOTICES).filter({ visible: true })).toHaveCount(1);
  await expect(page.locator("footer").locator(EMERGENCY_NOTICES)).toBeVisible();
});

test("'Last updated' shows, small, on medical pages only; 'Last reviewed' only after a physician's approval", async ({ page }) => {
  for (const href of ["/privacy", "/contact", "/accessibility", "/about"]) {
    await page.goto(href);
    await expect(page.getByText("Last updated"), href).toHaveCount(0);
  }
  await page.goto("/mild-procedure");
  const updated = page.locator("main").getByText("Last updated");
  await expect(updated).toBeVisible();
  // A change of a comma sets `updated`; no physician has approved these words (content/clinic.yaml lists none).
  await expect(page.getByText("Last reviewed")).toHaveCount(0);
  await expect(page.getByText("Medically reviewed by")).toHaveCount(0);
  const sizes = await updated.evaluate((element) => ({
    updated: parseFloat(getComputedStyle(element).fontSize),
    body: parseFloat(getComputedStyle(document.querySelector("main .prose p")!).fontSize),
  }));
  expect(sizes.updated).toBeLessThan(sizes.body);
});

test("each picture of the procedure stands in the step it shows, numbered the same", async ({ page }) => {
  await page.goto("/mild-procedure");
  const figures = await page.locator("main figure").evaluateAll((all) =>
    all.map((figure) => {
      const item = figure.closest(".steps > ol > li");
      return {
        caption: figure.querySelector("figcaption")?.textContent ?? "",
        step: item ? [...item.parentElement!.children].indexOf(item) + 1 : null,
      };
    }),
  );
  expect(figures.length).toBeGreaterThanOrEqual(4);
  for (const { caption, step } of figures) {
    expect(step, `"${caption}" stands inside a numbered step`).not.toBeNull();
    const numbers = (caption.match(/^Steps? ([\d ,and]+):/)?.[1] ?? "").match(/\d+/g)?.map(Number) ?? [];
    expect(numbers, `"${caption}" names the step it stands in (${step})`).toContain(step);
  }
});

test("no page heading of a table breaks before its closing parenthesis, and header cells have room on both sides", async ({ page, isMobile }) => {
  test.info().annotations.push({ type: "note", description: isMobile ? "phone: rows become cards" : "desktop table" });
  await page.goto("/benefits");
  const cells = await page.locator("main table th").evaluateAll((headers) =>
    headers.map((header) => {
      const style = getComputedStyle(header);
      const text = header.textContent ?? "";
      const node = [...header.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.includes(")"));
      let orphaned = false;
      if (node) {
        const at = node.textContent!.lastIndexOf(")");
        const range = document.createRange();
        range.setStart(node, at - 1);
        range.setEnd(node, at);
        const before = range.getBoundingClientRect().top;
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        orphaned = range.getBoundingClientRect().top > before + 1;
      }
      return { text, orphaned, left: parseFloat(style.paddingLeft), right: parseFloat(style.paddingRight), shown: header.checkVisibility() };
    }),
  );
  for (const cell of cells.filter((cell) => cell.shown)) {
    expect(cell.orphaned, `"${cell.text}" keeps ")" with its word`).toBe(false);
    expect(cell.left, `"${cell.text}" has padding on the left`).toBeGreaterThanOrEqual(8);
    expect(cell.right, `"${cell.text}" has padding on the right`).toBeGreaterThanOrEqual(8);
  }
});

test.describe("printed", () => {
  test("links show their full address and pictures take at most a third of a page", async ({ page }) => {
    await page.goto("/mild-procedure");
    await page.emulateMedia({ media: "print" });
    const printed = await page
      .locator('main a[href="/candidacy"]')
      .first()
      .evaluate((link) => getComputedStyle(link, "::after").content.replace(/["\s]/g, ""));
    expect(printed).toMatch(/^\(https?:\/\/[^/]+\/candidacy\)$/);
    // A US Letter page is 11 in tall; a third of it is about 3.6 in, 350 CSS px.
    for (const image of await page.locator("main figure img").all()) {
      const box = (await image.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(350);
    }
    await expect(page.getByRole("link", { name: "Call 501.224.4001" }).filter({ visible: true }).first()).toBeVisible();
    // Where the page sits on the site means nothing on paper, and its "Home" link would print an address.
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  });
});
