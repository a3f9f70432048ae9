// Phone-only behaviour: this file runs in the phone project alone (see playwright.config.ts).
import { expect, test } from "@playwright/test";
import { PHONE_HREF } from "./site-pages";

test("a sticky call button stays within reach at the bottom while reading", async ({ page }) => {
  await page.goto("/mild-procedure");
  await page.mouse.wheel(0, 2000);
  const stickyCall = page.getByRole("complementary", { name: "Call the clinic" }).getByRole("link", { name: "Call 501.224.4001" });
  await expect(stickyCall).toBeInViewport();
  await expect(stickyCall).toHaveAttribute("href", PHONE_HREF);
  const box = await stickyCall.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
});

test("the last link of the page is not hidden under the sticky bar when focused", async ({ page }) => {
  await page.goto("/faq");
  const lastFooterLink = page.getByRole("navigation", { name: "Policies" }).getByRole("link").last();
  await lastFooterLink.focus();
  const link = await lastFooterLink.boundingBox();
  const bar = await page.getByRole("complementary", { name: "Call the clinic" }).boundingBox();
  expect(link!.y + link!.height, "focused link ends above the sticky bar").toBeLessThanOrEqual(bar!.y);
});
