/**
 * The web editor as its browser tests meet it: editors and reviewers made on the command line and signed in with
 * two-factor, the page's words, the save state, and publishing. Shared by editor.spec.ts (both widths) and
 * editor-server.spec.ts (the server's refusals, desktop only).
 */
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { linkReviewer, TEST_PHYSICIAN } from "./content-repository";
import { enroll, runStaffCli, type StaffAccount } from "./staff";

export const dataDir = path.join(process.env.E2E_RUN_DIR!, "data");
export const repository = process.env.E2E_CONTENT_REPOSITORY!;

let addressCounter = 0;
/** An address of each test's own (sent as X-Forwarded-For), so sign-in limits of one test never reach another. */
export function ownAddress() {
  addressCounter += 1;
  return `10.${(process.pid + 7) % 250}.${addressCounter}.${Math.floor(Math.random() * 250) + 1}`;
}

/** A staff account with abilities, made on the command line; a reviewer is then linked to the test physician. */
export function addAccount(label: string, abilities: ("edit" | "review")[]): StaffAccount {
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

export async function signedIn(browser: Browser, account: StaffAccount): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await enroll(page, account);
  return page;
}

/** The editor's rich text (the page's words), not the small editors inside components. */
export const wordsOf = (page: Page) => page.locator(".mdxeditor-root-contenteditable [contenteditable='true']").first();

export async function waitUntilSaved(page: Page) {
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
}

/**
 * Types at the end of the paragraph that starts with `start`: the caret put there as a tap and then a move to the
 * paragraph's end would (End alone stops at the end of the wrapped line on a phone).
 */
export async function typeAtEndOf(page: Page, start: string, text: string) {
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

export async function publish(page: Page, summary: string) {
  await page.getByLabel("What changed").fill(summary);
  await page.getByRole("button", { name: "Publish" }).click();
}
