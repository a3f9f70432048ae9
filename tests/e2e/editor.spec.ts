/**
 * The web editor as an office manager and a physician use it, on a phone and on a desktop (both projects run this
 * file, each on a page of its own so the two runs never edit one page): sign in with two-factor, fix a sentence,
 * see the check flag "risk-free" on the words, fix it, add a picture with its description, ask for review; the
 * reviewer sees the change and approves; the editor publishes, and the throwaway repository has one commit by the
 * editor with the `Reviewed-by:` trailer. Then the refusals: no publishing unapproved, no approving your own change,
 * and two editors on one page lose nothing.
 */
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { lastCommit, linkReviewer, TEST_PHYSICIAN } from "./support/content-repository";
import { enroll, runStaffCli, type StaffAccount } from "./support/staff";

const dataDir = path.join(process.env.E2E_RUN_DIR!, "data");
const repository = process.env.E2E_CONTENT_REPOSITORY!;

let addressCounter = 0;
function ownAddress() {
  addressCounter += 1;
  return `10.${(process.pid + 7) % 250}.${addressCounter}.${Math.floor(Math.random() * 250) + 1}`;
}

test.describe.configure({ timeout: 240_000 });
test.use({ extraHTTPHeaders: async ({}, provide) => provide({ "X-Forwarded-For": ownAddress() }) });

/** A staff account with abilities, made on the command line; a reviewer is then linked to the test physician. */
function addAccount(label: string, abilities: ("edit" | "review")[]): StaffAccount {
  const tag = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${tag}@staff.example`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} ${tag.replace(/[0-9]/g, "")}`;
  const can = abilities.filter((ability) => ability === "edit");
  const output = runStaffCli(dataDir, ["add-user", "--email", email, "--name", name, "--role", "staff", ...(can.length > 0 ? ["--can", can.join(",")] : [])]);
  const link = /https:\/\/clinic\.example(\/staff\/enroll\?token=[\w-]+)/.exec(output)?.[1];
  if (!link) throw new Error(`No enrollment link in: ${output}`);
  if (abilities.includes("review")) linkReviewer(dataDir, email, TEST_PHYSICIAN);
  return { email, name, role: "staff", enrollPath: link };
}

async function signedIn(browser: Browser, account: StaffAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await enroll(page, account);
  return page;
}

/** The editor's rich text (the page's words), not the small editors inside components. */
const wordsOf = (page: Page) => page.locator(".mdxeditor-root-contenteditable [contenteditable='true']").first();

async function waitUntilSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
}

/**
 * Types at the end of the paragraph that starts with `start`: the caret put there as a tap and then a move to the
 * paragraph's end would (End alone stops at the end of the wrapped line on a phone).
 */
async function typeAtEndOf(page: Page, start: string, text: string) {
  const paragraph = wordsOf(page).locator("p").filter({ hasText: start }).first();
  await paragraph.click();
  await paragraph.evaluate((element) => {
    const range = element.ownerDocument.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = element.ownerDocument.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.keyboard.type(text);
}

async function publish(page: Page, summary: string) {
  await page.getByLabel("What changed").fill(summary);
  await page.getByRole("button", { name: "Publish" }).click();
}

const PAGES = {
  "desktop-1280": { slug: "benefits", title: "Benefits of MILD and other choices", paragraph: "MILD takes pressure off the nerves." },
  "phone-390": { slug: "lumbar-spinal-stenosis", title: "What is lumbar spinal stenosis?", paragraph: "Lumbar spinal stenosis (LSS) is a narrowing" },
} as const;

test("an editor changes a medical page, a clinical reviewer approves it, and publishing makes one commit by the editor with the reviewer's name", async ({ browser }, testInfo) => {
  const target = PAGES[testInfo.project.name as keyof typeof PAGES];
  const editor = await signedIn(browser, addAccount("editor", ["edit"]));

  // The list, then the page.
  await editor.goto("/staff/pages");
  await editor.getByRole("list", { name: "Pages" }).getByRole("link", { name: target.title }).click();
  await expect(editor.getByRole("heading", { level: 1, name: `Edit: ${target.title}` })).toBeVisible();

  // A sentence fixed, then "risk-free" typed: the check flags it on the words themselves, and in the list.
  await typeAtEndOf(editor, target.paragraph, " Ask us about anything on this page.");
  await waitUntilSaved(editor);
  await typeAtEndOf(editor, target.paragraph, " It is risk-free.");
  const marker = editor.locator("[data-problem-marker='error']");
  await expect(marker).toContainText('do not write "risk-free"');
  await expect(editor.getByRole("region", { name: "Check" })).toContainText("1 problem stops publishing");
  for (let typed = 0; typed < " It is risk-free.".length; typed += 1) await editor.keyboard.press("Backspace");
  await waitUntilSaved(editor);
  await expect(marker).toHaveCount(0);
  await expect(editor.getByRole("region", { name: "Check" })).not.toContainText("stops publishing");

  // A picture from the Insert menu, with its description and caption.
  const figures = editor.getByRole("group", { name: /^Figure:/ });
  const before = await figures.count();
  await editor.getByLabel("Insert one of the site's components").selectOption("Figure");
  await expect(figures).toHaveCount(before + 1);
  // The new picture is the one without an address yet (the page may already have others).
  let figure = figures.first();
  for (let index = 0; index <= before; index += 1) {
    if ((await figures.nth(index).getByRole("textbox", { name: "src" }).inputValue()) === "") figure = figures.nth(index);
  }
  await expect(figure.getByRole("textbox", { name: "alt" })).toHaveAccessibleDescription(/is missing|is empty/);
  await figure.getByRole("textbox", { name: "src" }).fill("/images/lumbar-canal-normal.svg");
  await figure.getByRole("textbox", { name: "alt" }).fill("A slice of a lower back bone seen from above, with room around the nerves.");
  await figure.getByRole("textbox", { name: "caption" }).fill("A healthy spinal canal.");
  await waitUntilSaved(editor);

  // Publishing waits for the approval; the editor asks for it.
  await publish(editor, "Too early");
  await expect(editor.getByRole("form", { name: "Publish" }).getByRole("alert")).toContainText(/approv/i);
  await editor.getByRole("button", { name: "Ask for review" }).click();
  await expect(editor.getByText("Review asked for")).toBeVisible();

  // The reviewer: the change side by side with the new words marked, the preview, then the approval.
  const reviewer = await signedIn(browser, addAccount("reviewer", ["review"]));
  await reviewer.goto(`/staff/pages/${target.slug}/review`);
  await expect(reviewer.locator("ins").filter({ hasText: "Ask us about anything on this page." })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Preview the page as patients will see it" })).toHaveAttribute("href", `/staff/pages/${target.slug}/preview`);
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByText(`Approved by ${TEST_PHYSICIAN}.`)).toBeVisible();

  // The editor publishes with a summary; the page says it waits for the site, and git has the commit.
  await editor.reload();
  await publish(editor, `${target.title}: an invitation to ask`);
  await expect(editor.locator("[data-publish-state]")).toContainText(/Waiting for the site to update|Live/);
  const commit = lastCommit(repository);
  expect(commit.message).toContain(`${target.title}: an invitation to ask`);
  expect(commit.message).toContain(`Reviewed-by: ${TEST_PHYSICIAN}`);
  expect(commit.author).toMatch(/^Editor /);
});

test("a medical change is not published unapproved, nor approved by its own author", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop-1280", "the refusals are the server's: one screen width proves them");
  const both = await signedIn(browser, addAccount("author", ["edit", "review"]));
  await both.goto("/staff/pages/candidacy");
  await typeAtEndOf(both, "Only a doctor", " Ask us.");
  await waitUntilSaved(both);
  await publish(both, "Candidacy: ask us");
  await expect(both.getByRole("form", { name: "Publish" }).getByRole("alert")).toContainText(/approv/i);
  await both.getByRole("button", { name: "Ask for review" }).click();
  await expect(both.getByText("Review asked for")).toBeVisible();
  await both.goto("/staff/pages/candidacy/review");
  await both.getByRole("button", { name: "Approve" }).click();
  await expect(both.getByRole("form", { name: "Your decision" }).getByRole("alert")).toContainText("You wrote part of this change, so another clinical reviewer must approve it.");
});

test("two editors on one page: the second is told who is editing, and a save over a newer version keeps the text", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop-1280", "the conflict is the server's: one screen width proves it");
  const ana = await signedIn(browser, addAccount("ana", ["edit"]));
  const ben = await signedIn(browser, addAccount("ben", ["edit"]));
  await ana.goto("/staff/pages/about");
  await expect(wordsOf(ana)).toBeVisible();
  await ben.goto("/staff/pages/about");
  await expect(ben.getByText(/^Ana .* is editing this page$/)).toBeVisible();

  await ben.getByRole("textbox", { name: "Menu label" }).fill("About the clinic");
  await waitUntilSaved(ben);
  await ana.getByRole("textbox", { name: "Menu label" }).fill("About our clinic");
  const conflict = ana.locator("[data-save-state='conflict']");
  await expect(conflict).toContainText(/^Ben .* saved a newer version at \d{1,2}:\d{2} [AP]M; your text is kept below\./);
  await expect(ana.getByRole("textbox", { name: "Your text" })).toHaveValue(/navLabel: "About our clinic"/);

  // A title with a script in it is words, in the editor and in the list.
  const scriptTitle = '<script>alert("x")</script> About us';
  ben.on("dialog", () => {
    throw new Error("a title ran as a script");
  });
  await ben.getByRole("textbox", { name: "Title" }).fill(scriptTitle);
  await waitUntilSaved(ben);
  await ben.goto("/staff/pages");
  await expect(ben.getByRole("list", { name: "Pages" }).getByRole("link", { name: scriptTitle })).toBeVisible();
});
