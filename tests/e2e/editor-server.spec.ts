/**
 * The web editor's refusals, which are the server's, so one screen width (desktop) proves them: no publishing a
 * medical change unapproved, no approving your own change, and two editors on one page lose nothing.
 */
import { expect, test } from "@playwright/test";
import { addAccount, ownAddress, publish, signedIn, typeAtEndOf, waitUntilSaved, wordsOf } from "./support/editor";

test.describe.configure({ timeout: 240_000 });
test.use({ extraHTTPHeaders: async ({}, provide) => provide({ "X-Forwarded-For": ownAddress() }) });

test("a medical change is not published unapproved, nor approved by its own author", async ({ browser }) => {
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

test("two editors on one page: the second is told who is editing, and a save over a newer version keeps the text", async ({ browser }) => {
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
