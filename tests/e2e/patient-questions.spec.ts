// What patients still asked (issue 23), as a reader meets it: /faq opens with its questions as links to each
// answer, and the home page's first screen says what MILD stands for. Runs on a phone and a desktop.
import { expect, test } from "@playwright/test";
import { readZeroJavaScriptDecision } from "./site-pages";

test("/faq opens with its questions, each a link to its answer, with no JavaScript", async ({ page }) => {
  await page.goto("/faq");
  const list = page.getByRole("navigation", { name: "Questions on this page" });
  // Near the top: it starts on the first screen, before the first answer.
  await expect(list).toBeInViewport();
  const questions = page.getByRole("main").getByRole("heading", { level: 2 });
  const links = list.getByRole("link");
  const questionCount = await questions.count();
  expect(questionCount).toBeGreaterThanOrEqual(17);
  await expect(links).toHaveCount(questionCount);
  for (let index = 0; index < questionCount; index += 1) {
    const heading = questions.nth(index);
    await expect(links.nth(index)).toHaveText((await heading.textContent()) ?? "");
    await expect(links.nth(index)).toHaveAttribute("href", `#${await heading.getAttribute("id")}`);
  }

  // Following one lands on its answer, in view (not under the header).
  await list.getByRole("link", { name: "What are the risks?" }).click();
  await expect(page).toHaveURL(/\/faq#what-are-the-risks$/);
  const answer = page.getByRole("heading", { name: "What are the risks?" });
  await expect(answer).toBeInViewport();
  const header = await page.locator("header").first().boundingBox();
  const headerCovers = await page.locator("header").first().evaluate((element) => getComputedStyle(element).position);
  if (header && ["sticky", "fixed"].includes(headerCovers)) {
    expect((await answer.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  }

  // The page still ships no JavaScript: the list is plain links.
  expect(readZeroJavaScriptDecision().zeroJavaScript).toContain("/faq");
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
});

test("the home page's first screen spells out what MILD stands for, and leaves the clearance numbers to /evidence", async ({ page }) => {
  await page.goto("/");
  const fullName = page.getByRole("main").getByText("MILD (minimally invasive lumbar decompression)");
  await expect(fullName).toBeInViewport();
  await expect(page.getByRole("main")).not.toContainText("K062038");
  await expect(page.getByRole("main")).toContainText("FDA-cleared");

  await page.getByRole("link", { name: "See the clearance numbers" }).click();
  await expect(page).toHaveURL(/\/evidence#fda-clearance$/);
  await expect(page.getByRole("heading", { name: "FDA clearance" })).toBeInViewport();
  await expect(page.getByRole("main")).toContainText("K062038 in 2006, and K233800 in 2024");
});
