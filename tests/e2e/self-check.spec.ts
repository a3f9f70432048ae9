// The self-check on /candidacy ("Could MILD help me?"): private, usable with the keyboard alone, printable,
// and a checklist without JavaScript. Runs at both widths: the answers' layout differs on a phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

const TITLE = "Could MILD help me?";

function selfCheckOn(page: Page): Locator {
  return page.getByRole("region", { name: TITLE });
}

/** Everything a page could keep answers in without sending them: cookies, storage, the address and its history. */
function browserMemory(page: Page) {
  return page.evaluate(() => ({
    cookie: document.cookie,
    localStorage: JSON.stringify(Object.entries(localStorage)),
    sessionStorage: JSON.stringify(Object.entries(sessionStorage)),
    href: location.href,
    search: location.search,
    hash: location.hash,
    historyLength: history.length,
  }));
}

/**
 * Waits until no request has started for `quietMs`: links that scrolled into view while tabbing may still be
 * fetching their pages in advance, which is the site's doing, not the self-check's.
 */
async function waitForQuietNetwork(page: Page, quietMs = 2_000) {
  let lastRequestAt = Date.now();
  const onRequest = () => {
    lastRequestAt = Date.now();
  };
  page.on("request", onRequest);
  try {
    while (Date.now() - lastRequestAt < quietMs) await page.waitForTimeout(250);
  } finally {
    page.off("request", onRequest);
  }
}

/**
 * Opens /candidacy with its scripts run and the network quiet. They load on the reader's first tap, key or focus:
 * here a press of Shift, which moves nothing.
 */
async function openSelfCheck(page: Page): Promise<Locator> {
  await page.goto("/candidacy");
  await page.keyboard.press("Shift");
  await page.waitForLoadState("networkidle");
  const selfCheck = selfCheckOn(page);
  // The button appears once the form runs in the browser.
  await expect(selfCheck.getByRole("button", { name: "See what my answers mean" })).toBeVisible();
  return selfCheck;
}

test("can be completed with the keyboard alone, and no answer leaves the browser or is kept", async ({ page }) => {
  const selfCheck = await openSelfCheck(page);
  const firstAnswer = selfCheck.getByRole("radio").first();
  // From the top of the page, Tab until the first question, as a keyboard user would.
  for (let presses = 0; presses < 100; presses += 1) {
    if (await firstAnswer.evaluate((radio) => radio === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(firstAnswer).toBeFocused();
  await waitForQuietNetwork(page);

  const memoryBefore = await browserMemory(page);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));

  // In a radio group, Space checks the focused option and an arrow key moves to the next one and checks it.
  const keysFor = { Yes: ["Space"], No: ["ArrowRight"], "Not sure": ["ArrowRight", "ArrowRight"] } as const;
  const answers = ["No", "Yes", "Yes", "Yes", "Yes", "Not sure", "No"] as const;
  const groups = selfCheck.getByRole("group");
  await expect(groups).toHaveCount(answers.length);
  for (const [index, answer] of answers.entries()) {
    if (index > 0) await page.keyboard.press("Tab");
    for (const key of keysFor[answer]) await page.keyboard.press(key);
    await expect(groups.nth(index).getByRole("radio", { name: answer, exact: true })).toBeChecked();
  }
  await page.keyboard.press("Tab");
  await expect(selfCheck.getByRole("button", { name: "See what my answers mean" })).toBeFocused();
  await page.keyboard.press("Space");

  await expect(selfCheck.getByRole("heading", { name: "What your answers may mean" })).toBeFocused();
  await expect(selfCheck.getByText("Your answers match the people MILD may help")).toBeVisible();
  await expect(selfCheck.getByRole("link", { name: "Call 501.224.4001" })).toBeVisible();
  await expect(selfCheck.getByRole("link", { name: "Request an appointment" })).toBeVisible();

  expect(requests, "requests made while answering").toEqual([]);
  expect(await browserMemory(page)).toEqual(memoryBefore);
});

test("a link near the top of /candidacy leads to the self-check", async ({ page }) => {
  await page.goto("/candidacy");
  const link = page.getByRole("main").getByRole("link", { name: /self-check/i }).first();
  // On the first screen, without scrolling, on a phone as on a desktop.
  await expect(link).toBeInViewport();
  await link.click();
  await expect(page).toHaveURL(/#self-check$/);
  await expect(selfCheckOn(page).getByRole("heading", { name: TITLE })).toBeInViewport();
});

test("the warning signs are asked first, and a Yes says at once to call 911, announced, with focus left on the answer", async ({ page }) => {
  const selfCheck = await openSelfCheck(page);
  const firstQuestion = selfCheck.getByRole("group").first();
  await expect(firstQuestion).toHaveAccessibleName(/^1\. Do you have new loss of bladder or bowel control/);
  const alert = selfCheck.getByRole("alert");
  await expect(alert).toBeEmpty();

  const yes = firstQuestion.getByRole("radio", { name: "Yes", exact: true });
  await yes.check();
  // No other answer, no button: the answer is there at once, right under the question, and read out as an alert.
  await expect(alert).toContainText("Call 911 or go to the emergency room now");
  await expect(alert.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
  await expect(alert.getByRole("link", { name: "Call 911" })).toBeInViewport();
  await expect(yes).toBeFocused();
  // The clinic's call bar does not compete with the 911 button.
  await expect(page.getByRole("complementary", { name: "Call the clinic" })).toBeHidden();

  await firstQuestion.getByRole("radio", { name: "Not sure", exact: true }).check();
  await expect(alert).toContainText("Get checked today");
  await expect(alert.getByRole("link", { name: "Call 911" })).toBeVisible();

  await firstQuestion.getByRole("radio", { name: "No", exact: true }).check();
  await expect(alert).toBeEmpty();
  await expect(alert).toBeHidden();
});

test("a warning sign: the heading says what to do, the emergency notice comes first, and a button calls 911", async ({ page }) => {
  const selfCheck = await openSelfCheck(page);
  const stickyCallBar = page.getByRole("complementary", { name: "Call the clinic" });
  const isPhone = (page.viewportSize()?.width ?? 1280) < 768;
  if (isPhone) await expect(stickyCallBar).toBeVisible();
  const groups = selfCheck.getByRole("group");
  await groups.first().getByText("Yes", { exact: true }).click();
  await selfCheck.getByRole("button", { name: "See what my answers mean" }).click();
  const heading = selfCheck.getByRole("heading", { name: "Call 911 or go to the emergency room now" });
  await expect(heading).toBeFocused();
  const notice = heading.locator("xpath=following-sibling::*[1]");
  await expect(notice).toHaveAttribute("aria-label", "Emergency warning");
  await expect(notice).toContainText("call 911");
  const resultCallButton = heading.locator("xpath=..").getByRole("link", { name: "Call 911" });
  await expect(resultCallButton).toHaveAttribute("href", "tel:911");
  await expect(resultCallButton).toBeVisible();
  // The clinic's call bar does not compete with the 911 button while the emergency result is shown.
  await expect(stickyCallBar).toBeHidden();
  // The page's own axe check sees the questions only; the result is checked here.
  const results = await new AxeBuilder({ page })
    .include("section.self-check")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  // Once the answer changes, the call bar is back.
  await groups.first().getByText("No", { exact: true }).click();
  if (isPhone) await expect(stickyCallBar).toBeVisible();
});

test("not sure about a warning sign: the emergency notice, then \"Get checked today\", never a match", async ({ page }) => {
  const selfCheck = await openSelfCheck(page);
  const groups = selfCheck.getByRole("group");
  for (const [index, answer] of ["Not sure", "Yes", "Yes", "Yes", "Yes", "Yes", "No"].entries()) {
    await groups.nth(index).getByText(answer, { exact: true }).click();
  }
  await selfCheck.getByRole("button", { name: "See what my answers mean" }).click();
  const heading = selfCheck.getByRole("heading", { name: "What your answers may mean" });
  await expect(heading.locator("xpath=following-sibling::*[1]")).toHaveAttribute("aria-label", "Emergency warning");
  await expect(heading.locator("xpath=..").getByText("Get checked today")).toBeVisible();
  await expect(selfCheck.getByText("Your answers match the people MILD may help")).toHaveCount(0);
});

test("\"Print my answers\" prints the questions, the answers and the result, and leaves the rest of the site off the paper", async ({ page }) => {
  const selfCheck = await openSelfCheck(page);
  const groups = selfCheck.getByRole("group");
  for (const [index, answer] of ["No", "Yes", "Yes", "No", "Yes", "Yes", "Not sure"].entries()) {
    await groups.nth(index).getByText(answer, { exact: true }).click();
  }
  await selfCheck.getByRole("button", { name: "See what my answers mean" }).click();

  // Printed from the browser's menu, the page prints whole, with the answers in it.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("h1")).toBeVisible();
  await expect(groups.first()).toContainText("My answer: No");
  await page.emulateMedia({ media: "screen" });

  // The button: headless Chromium has no print dialog, so record the call and print the page as the dialog would.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-print-requested", "");
  });
  await selfCheck.getByRole("button", { name: "Print my answers" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-print-requested", "");
  await page.emulateMedia({ media: "print" });

  await expect(selfCheck.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(selfCheck.getByText("Mocek Spine, 501.224.4001: bring these answers to your appointment.")).toBeVisible();
  for (const [index, answer] of ["No", "Yes", "Yes", "No", "Yes", "Yes", "Not sure"].entries()) {
    await expect(groups.nth(index)).toContainText(`My answer: ${answer}`);
    await expect(groups.nth(index).getByRole("radio").first()).toBeHidden();
  }
  // Symptoms for under 3 months (question 4: No): other care usually comes first.
  await expect(selfCheck.getByText("Other care usually comes first")).toBeVisible();
  // Hidden buttons have no role for the accessibility tree: find them as elements.
  await expect(selfCheck.locator("button")).toHaveCount(2);
  for (const button of await selfCheck.locator("button").all()) await expect(button).toBeHidden();

  await expect(page.locator("header")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(page.locator("h1")).toBeHidden();
  await expect(page.locator("footer")).toBeHidden();
  await expect(page.getByRole("complementary", { name: "Call the clinic" })).toBeHidden();

  // Once the dialog closes, the page prints whole again.
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(page.locator("h1")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the questions are a checklist, followed by what the answers may mean in words", async ({ page }) => {
    await page.goto("/candidacy");
    const selfCheck = selfCheckOn(page);
    const groups = selfCheck.getByRole("group");
    await expect(groups).toHaveCount(7);
    for (const group of await groups.all()) {
      for (const label of ["Yes", "No", "Not sure"]) await expect(group.getByRole("radio", { name: label, exact: true })).toBeVisible();
    }
    // The checklist can be filled in on screen before printing.
    await groups.first().getByText("Not sure", { exact: true }).click();
    await expect(groups.first().getByRole("radio", { name: "Not sure" })).toBeChecked();

    await expect(selfCheck.getByRole("button")).toHaveCount(0);
    await expect(selfCheck.getByRole("heading", { name: "What your answers may mean" })).toBeVisible();
    await expect(selfCheck.getByRole("note", { name: "Emergency warning" })).toBeVisible();
    const rules = selfCheck.getByRole("listitem");
    await expect(rules.first()).toContainText("If you answered Yes to question 1:");
    await expect(rules.first()).toContainText("Call 911 or go to the emergency room now.");
    await expect(rules.first().getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
    await expect(rules.nth(1)).toContainText("If you answered Not sure to question 1:");
    await expect(rules.nth(1)).toContainText("Get checked today.");
    await expect(selfCheck).toContainText("If you answered Yes to questions 2, 3, 4 and 5:");
    await expect(selfCheck).toContainText("Your answers match the people MILD may help.");
    await expect(selfCheck).toContainText("If you answered Yes to questions 2 and 3, and No or Not sure to any of questions 4 or 5:");
    await expect(selfCheck).toContainText("Other care usually comes first.");
    await expect(selfCheck).toContainText("If you answered No or Not sure to any of questions 2 or 3:");
    await expect(selfCheck.getByRole("link", { name: "Call 501.224.4001" })).toBeVisible();

    // Printed from the browser's menu: the page with the checklist as filled in, and the rules in words.
    await page.emulateMedia({ media: "print" });
    await expect(groups.first().getByRole("radio", { name: "Not sure" })).toBeVisible();
    await expect(selfCheck.getByText("If you answered Yes to question 1:")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeHidden();
  });
});
