// @vitest-environment node
/**
 * Pictures uploaded with a draft (lib/publishing/service.ts, kept in the publishing store): the check counts them
 * as present, the preview finds them, and the publish puts them in the page's own commit; they leave the database
 * with the draft, published or discarded.
 */
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { branchHead } from "@/lib/git/repository";
import { preparePicture } from "@/lib/publishing/pictures";
import { ana, frontDesk, publishingFixture, rita } from "@/tests/support/publishing";
import type { Cleanups } from "@/tests/support/test-stores";
import { gitIn } from "@/tests/support/throwaway-git";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const PAGE = "content/privacy.mdx";

async function frontDeskPhoto() {
  const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#6a8caf" } }).jpeg().toBuffer();
  const prepared = await preparePicture({ name: "Front Desk.jpg", bytes });
  if (!prepared.ok) throw new Error(prepared.message);
  return { ...prepared.picture, path: `public/images/${prepared.picture.fileName}`, src: `/images/${prepared.picture.fileName}` };
}

describe("a picture uploaded with a draft", () => {
  it("starts the page's draft, counts as present for the check, and is published in the page's one commit, then leaves the database", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const base = await branchHead(repository, "main");
    const picture = await frontDeskPhoto();
    expect(await service.addPicture(PAGE, picture, ana)).toEqual({ src: picture.src, width: 1200, height: 900 });

    const { draft } = await service.openDraft(PAGE, ana);
    const source = `${draft.source.trimEnd()}\n\n<Figure src="${picture.src}" alt="The front desk" caption="Our front desk" />\n`;
    const saved = await service.saveDraft({ path: PAGE, source, baseVersion: draft.version }, ana);
    if (saved.status !== "saved") throw new Error("the save was refused");
    expect(saved.check.problems.filter((problem) => problem.message.includes(picture.src))).toEqual([]);
    expect(saved.check.errors).toBe(0);

    const shown = await service.draftPicture(PAGE, picture.fileName, rita);
    expect(shown?.content.equals(picture.bytes)).toBe(true);
    expect((await service.readDraft(PAGE, rita))?.pictures).toEqual([picture.src]);

    const published = await service.publishDraft({ path: PAGE, version: saved.version, summary: "Privacy: a picture of the front desk" }, ana);
    expect(published).toMatchObject({ status: "published" });
    expect(gitIn(repository, "rev-list", "--count", `${base}..main`)).toBe("1");
    expect(gitIn(repository, "diff", "--name-only", base, "main").split("\n")).toEqual([PAGE, picture.path]);
    expect(gitIn(repository, "cat-file", "-s", `main:${picture.path}`)).toBe(String(picture.bytes.length));
    expect(await service.draftPicture(PAGE, picture.fileName, ana)).toBeUndefined();
  });

  it("is left out of the commit once the words no longer show it: git keeps only the pictures a page uses", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const base = await branchHead(repository, "main");
    const kept = await frontDeskPhoto();
    const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#af8c6a" } }).png().toBuffer();
    const prepared = await preparePicture({ name: "Waiting room.png", bytes });
    if (!prepared.ok) throw new Error(prepared.message);
    const dropped = { ...prepared.picture, path: `public/images/${prepared.picture.fileName}` };
    await service.addPicture(PAGE, kept, ana);
    await service.addPicture(PAGE, dropped, ana);

    const { draft } = await service.openDraft(PAGE, ana);
    const source = `${draft.source.trimEnd()}\n\n<Figure src="${kept.src}" alt="The front desk" caption="Our front desk" />\n`;
    const saved = await service.saveDraft({ path: PAGE, source, baseVersion: draft.version }, ana);
    if (saved.status !== "saved") throw new Error("the save was refused");
    expect(await service.publishDraft({ path: PAGE, version: saved.version, summary: "Privacy: a picture of the front desk" }, ana)).toMatchObject({ status: "published" });
    expect(gitIn(repository, "diff", "--name-only", base, "main").split("\n")).toEqual([PAGE, kept.path]);
  });

  it("is thrown away with a discarded draft, and only staff who edit pages may upload one (to a page, not the clinic's facts)", async () => {
    const { service } = await publishingFixture(cleanups);
    const picture = await frontDeskPhoto();
    await expect(service.addPicture(PAGE, picture, frontDesk)).rejects.toThrow("Only staff who may edit pages");
    await expect(service.addPicture(PAGE, picture, rita)).rejects.toThrow("Only staff who may edit pages");
    await expect(service.addPicture("content/clinic.yaml", picture, ana)).rejects.toThrow("pictures belong to a page");
    await expect(service.draftPicture(PAGE, picture.fileName, frontDesk)).rejects.toThrow("Only staff who may edit or review pages");

    await service.addPicture(PAGE, picture, ana);
    const { draft } = await service.openDraft(PAGE, ana);
    await service.discardDraft({ path: PAGE, version: draft.version }, ana);
    await service.openDraft(PAGE, ana);
    expect(await service.draftPicture(PAGE, picture.fileName, ana)).toBeUndefined();
    expect((await service.readDraft(PAGE, ana))?.pictures).toEqual([]);
  });
});
