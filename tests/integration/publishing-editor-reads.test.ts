// @vitest-environment node
/**
 * What the editor's screens read besides the draft they edit: a reviewer's view of a draft (without starting one),
 * the preview's text, and a page's text at each published version (the history's differences).
 */
import { afterEach, expect, it } from "vitest";
import { PublishingRefusal } from "@/lib/publishing/service";
import { ana, frontDesk, publishingFixture, rita } from "@/tests/support/publishing";
import type { Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it("a reviewer reads the open draft without starting one; nobody else may", async () => {
  const { service } = await publishingFixture(cleanups);
  expect(await service.viewDraft("content/benefits.mdx", rita)).toBeUndefined();
  expect((await service.listPages()).find((page) => page.path === "content/benefits.mdx")?.state).toBe("published");
  const { draft } = await service.openDraft("content/benefits.mdx", ana);
  await service.saveDraft({ path: draft.path, source: draft.source.replace("This page explains", "This page shows"), baseVersion: draft.version }, ana);
  const seen = await service.viewDraft("content/benefits.mdx", rita);
  expect(seen?.draft.source).toContain("This page shows");
  expect(seen?.draft.baseSource).toContain("This page explains");
  // Front-desk staff (neither ability) are told which abilities would let them read it, by each way in alike.
  for (const read of [service.viewDraft, service.readDraft, (path: string, actor: typeof frontDesk) => service.draftPicture(path, "a.jpg", actor)]) {
    await expect(read("content/benefits.mdx", frontDesk)).rejects.toThrow(PublishingRefusal);
    await expect(read("content/benefits.mdx", frontDesk)).rejects.toThrow("Only staff who may edit or review pages can read a draft");
  }
});

it("the preview's text is the draft's latest save, else the published file, else nothing", async () => {
  const { service } = await publishingFixture(cleanups);
  expect((await service.readDraft("content/benefits.mdx", rita))?.source).toContain("This page explains");
  expect(await service.readDraft("content/no-such-page.mdx", rita)).toBeUndefined();
  const { draft } = await service.openDraft("content/benefits.mdx", ana);
  await service.saveDraft({ path: draft.path, source: draft.source.replace("This page explains", "This page shows"), baseVersion: draft.version }, ana);
  expect((await service.readDraft("content/benefits.mdx", rita))?.source).toContain("This page shows");
});

it("gives a page's text at each version of its history, and refuses what is not a version", async () => {
  const { service } = await publishingFixture(cleanups);
  const [first] = await service.pageHistory("content/benefits.mdx");
  expect(await service.fileAtVersion("content/benefits.mdx", first!.commit)).toContain("This page explains");
  await expect(service.fileAtVersion("content/benefits.mdx", "main; rm -rf /")).rejects.toThrow(PublishingRefusal);
  await expect(service.fileAtVersion("package.json", first!.commit)).rejects.toThrow("is not a page");
});
