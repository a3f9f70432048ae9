import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { allPages, contentPages, PHONE_HREF } from "./site-pages";

/** Collects console errors and any request that leaves the site, for the whole visit. */
function watchPage(page: Page, siteOrigin: string) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== siteOrigin) foreignRequests.push(request.url());
  });
  return { consoleErrors, foreignRequests };
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

/**
 * Every visible call link's text must stand out from its own background (4.5:1). axe leaves this as
 * "needs review" when the background is the link's own, which is how a recoloured button once went unseen.
 */
async function expectReadableCallLinks(page: Page) {
  const contrasts = await page.locator('a[href^="tel:"]').evaluateAll((links) => {
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
        const value = Number(channel) / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // The colour actually behind the text: the nearest element, the link itself first, with an opaque background.
    const backgroundOf = (element: Element | null): string => {
      for (let current = element; current; current = current.parentElement) {
        const background = getComputedStyle(current).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(background) && background !== "transparent") return background;
      }
      return "rgb(255, 255, 255)";
    };
    return links
      .filter((link) => link.getClientRects().length > 0 && getComputedStyle(link).visibility !== "hidden")
      .map((link) => {
        const [lighter, darker] = [luminance(getComputedStyle(link).color), luminance(backgroundOf(link))].sort(
          (a, b) => b - a,
        );
        return { text: link.textContent, ratio: (lighter! + 0.05) / (darker! + 0.05) };
      });
  });
  expect(contrasts.length).toBeGreaterThan(0);
  for (const { text, ratio } of contrasts) expect(ratio, `contrast of call link "${text}"`).toBeGreaterThanOrEqual(4.5);
}

for (const contentPage of allPages) {
  test.describe(`${contentPage.href} (${contentPage.file})`, () => {
    test("loads, has one h1 and a title, shows the call link, and stays on this site", async ({ page, baseURL, isMobile }) => {
      const watched = watchPage(page, new URL(baseURL!).origin);
      const response = await page.goto(contentPage.href);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState("networkidle");

      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("h1")).toHaveText(contentPage.headline ?? contentPage.title);
      await expect(page).toHaveTitle(`${contentPage.title} | Mocek Spine`);

      // The call link is in the same place on every page: the header on wide screens, the sticky bar on a phone.
      const call = (isMobile ? page.getByRole("complementary", { name: "Call the clinic" }) : page.locator("header")).getByRole("link", {
        name: "Call 501.224.4001",
      });
      await expect(call).toBeVisible();
      await expect(call).toHaveAttribute("href", PHONE_HREF);
      const box = await call.boundingBox();
      expect(box!.height, "the call button is a large touch target").toBeGreaterThanOrEqual(44);

      await expectReadableCallLinks(page);
      // Every picture is described for people who cannot see it, and every figure has a visible caption.
      for (const image of await page.locator("main img").all()) expect((await image.getAttribute("alt"))?.trim()).toBeTruthy();
      for (const figure of await page.locator("main figure").all()) await expect(figure.locator("figcaption")).not.toBeEmpty();
      await expectNoHorizontalScroll(page);
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    });

    test("has no WCAG 2.2 AA violations found by axe", async ({ page }) => {
      await page.goto(contentPage.href);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const target of contentPages) {
    test(`${target.href} reads, and is reached from the home page's menu when it is in it`, async ({ page }) => {
      await page.goto(target.href);
      await expect(page.locator("h1")).toHaveText(target.headline ?? target.title);
      await expect(page.locator("main")).toContainText(/\w{4,}/);
      if (target.navArea !== "main") return;
      // Follow the menu from the home page, as a reader without scripts would: it opens first, at every width.
      await page.goto("/");
      await page.locator("header summary").click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: target.navLabel, exact: true }).click();
      await expect(page).toHaveURL(target.href);
      await expect(page.locator("h1")).toHaveText(target.headline ?? target.title);
    });
  }
});

test("an unknown address answers 404 with the phone number and links to the main pages", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("We could not find that page");
  await expect(page.locator("main").getByRole("link", { name: "Call 501.224.4001" })).toHaveAttribute("href", PHONE_HREF);
  await expect(page.locator("main").getByRole("link", { name: "Home page" })).toHaveAttribute("href", "/");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test("an address that is not validly encoded (a mangled link) gets the same 404 page, not a bare server error", async ({ page }) => {
  for (const address of ["/%E0%A4%A", "/mild-procedure%", "/faq/%zz"]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.locator("h1")).toHaveText("We could not find that page");
    await expect(page.locator("main").getByRole("link", { name: "Call 501.224.4001" })).toHaveAttribute("href", PHONE_HREF);
  }
});
