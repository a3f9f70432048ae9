/**
 * The web editor as an office manager and a physician use it, on a phone and on a desktop (both projects run this
 * file, each on a page of its own so the two runs never edit one page): sign in with two-factor, fix a sentence,
 * see the check flag "risk-free" on the words, fix it, upload a phone photo (with its location in EXIF) with its
 * description and caption, ask for review; the reviewer sees the change and approves; the editor publishes, and the
 * throwaway repository has one commit by the editor with the `Reviewed-by:` trailer, holding the page and the
 * picture, which has no EXIF left. The refusals, which are the server's, are in editor-server.spec.ts.
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { commitWith, TEST_PHYSICIAN } from "./support/content-repository";
import { addAccount, ownAddress, publish, repository, signedIn, typeAtEndOf, waitUntilSaved } from "./support/editor";

test.describe.configure({ timeout: 240_000 });
test.use({ extraHTTPHeaders: async ({}, provide) => provide({ "X-Forwarded-For": ownAddress() }) });

const PICTURE_FROM_DEVICE = "Picture from your device: upload a photo, then it goes in with its description";

/**
 * A phone photo as a camera saves it: EXIF naming the camera and where it was taken (GPS). Each screen width's photo
 * has its own colour: the same bytes would be the same file, already in git from the other width's publish.
 */
async function photoWithLocation(background: string): Promise<Buffer> {
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background } })
    .jpeg({ quality: 90 })
    .withExifMerge({
      IFD0: { Make: "PhoneMaker", Model: "PhoneMaker Model-X" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "34/1 44/1 5/1", GPSLongitudeRef: "W", GPSLongitude: "92/1 16/1 9/1" },
    })
    .toBuffer();
  // The fixture really says where it was taken: the GPS directory's tag (0x8825), in either byte order.
  const exif = (await sharp(photo).metadata()).exif!;
  expect([Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])].some((tag) => exif.includes(tag))).toBe(true);
  return photo;
}

const PAGES = {
  "desktop-1280": { slug: "benefits", title: "Benefits of MILD and other choices", paragraph: "MILD takes pressure off the nerves.", photo: "#6a8caf" },
  "phone-390": { slug: "lumbar-spinal-stenosis", title: "What is lumbar spinal stenosis?", paragraph: "Lumbar spinal stenosis (LSS) is a narrowing", photo: "#af8c6a" },
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

  // A phone photo from the Insert menu, with its description; the Figure's form then asks for the caption.
  const figures = editor.getByRole("group", { name: /^Figure:/ });
  const before = await figures.count();
  await editor.getByLabel("Insert one of the site's components").selectOption({ label: PICTURE_FROM_DEVICE });
  const upload = editor.getByRole("group", { name: "Add a picture" });
  await upload.getByLabel(/^Picture/).setInputFiles({ name: "IMG_2041.JPG", mimeType: "image/jpeg", buffer: await photoWithLocation(target.photo) });
  await upload.getByLabel(/^Description/).fill("A slice of a lower back bone seen from above, with room around the nerves.");
  await upload.getByRole("button", { name: "Upload and insert" }).click();
  await expect(upload.getByRole("status")).toContainText("The picture is inserted into the page");
  // The upload fits the screen: on a phone, nothing makes the page scroll sideways (or the browser zoom out).
  expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(editor.viewportSize()!.width);
  await expect(figures).toHaveCount(before + 1);
  // The new picture is the uploaded one (the page may already have others).
  let figure = figures.first();
  for (let index = 0; index <= before; index += 1) {
    if ((await figures.nth(index).getByRole("textbox", { name: "src" }).inputValue()).startsWith("/images/img-2041-")) figure = figures.nth(index);
  }
  const src = await figure.getByRole("textbox", { name: "src" }).inputValue();
  expect(src).toMatch(/^\/images\/img-2041-[0-9a-f]{8}\.jpg$/);
  await expect(figure.getByRole("textbox", { name: "caption" })).toHaveAccessibleDescription(/is missing|is empty/);
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
  const commit = commitWith(repository, `${target.title}: an invitation to ask`);
  expect(commit.message).toContain(`${target.title}: an invitation to ask`);
  expect(commit.message).toContain(`Reviewed-by: ${TEST_PHYSICIAN}`);
  expect(commit.author).toMatch(/^Editor /);
  // The commit holds the page, which shows the picture, and the picture, without where or with what it was taken.
  const picture = `public${src}`;
  expect(commit.files).toEqual(expect.arrayContaining([`content/${target.slug}.mdx`, picture]));
  expect(commit.file(`content/${target.slug}.mdx`).toString("utf8")).toContain(`src="${src}"`);
  // Only the lines changed in the browser change in the file: the sentence, and the dates and review lines.
  expect(commit.linesRemoved(`content/${target.slug}.mdx`)).toBeLessThanOrEqual(4);
  const committed = commit.file(picture);
  const metadata = await sharp(committed).metadata();
  expect([metadata.format, metadata.exif, metadata.xmp]).toEqual(["jpeg", undefined, undefined]);
  expect(committed.toString("latin1")).not.toContain("PhoneMaker");
});
