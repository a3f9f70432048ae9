// @vitest-environment node
/**
 * Drafts through the publishing service (lib/publishing/service.ts), on a throwaway copy of the site's content in
 * git and the real store: the list of pages, opening a page, saving as you type with the content check on every
 * save, and two people on one page losing nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PublishingRefusal } from "@/lib/publishing/service";
import { STAFF_CLINIC_FACTS_PATH, STAFF_PAGES_OWN_ROUTES, STAFF_PAGES_PATH } from "@/lib/staff/paths";
import { ana, ben, FIXTURE_PHYSICIAN, frontDesk, publishingFixture } from "@/tests/support/publishing";
import type { Cleanups } from "@/tests/support/test-stores";
import { gitIn } from "@/tests/support/throwaway-git";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the list of pages", () => {
  it("shows every page and the clinic's facts as published, with who changed each last in git; a draft shows who is editing", async () => {
    const { service, clock } = await publishingFixture(cleanups);
    const before = await service.listPages();
    expect(before.map((page) => page.path)).toContain("content/benefits.mdx");
    expect(before.map((page) => page.path)).toContain("content/clinic.yaml");
    expect(before.map((page) => page.path)).not.toContain("content/README.md");
    const benefits = before.find((page) => page.path === "content/benefits.mdx");
    expect(benefits).toMatchObject({ href: "/benefits", title: "Benefits of MILD and other choices", state: "published", stateLabel: "Published" });
    expect(benefits?.lastTouched?.name).toBe("Test Developer");

    // Opening a page to read it changes nothing: it is still listed as published, with Ana shown as editing it.
    const { draft } = await service.openDraft("content/benefits.mdx", ana);
    clock.now = new Date(clock.now.getTime() + 60_000);
    const opened = (await service.listPages()).find((page) => page.path === "content/benefits.mdx");
    expect(opened).toMatchObject({ state: "published", stateLabel: "Published", lastTouched: { name: "Test Developer" }, editingNow: { name: "Ana Ruiz" } });

    await service.saveDraft({ path: draft.path, source: draft.source.replace("This page explains", "This page shows"), baseVersion: draft.version }, ana);
    const changed = (await service.listPages()).find((page) => page.path === "content/benefits.mdx");
    expect(changed).toMatchObject({ state: "draft", stateLabel: "Draft", lastTouched: { name: "Ana Ruiz" }, editingNow: { name: "Ana Ruiz" } });
  });
});

describe("a save from the browser", () => {
  it("keeps the file's line ends: a form posts CRLF, and one changed word still changes one line of the published file", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const { draft } = await service.openDraft("content/privacy.mdx", ana);
    // What a browser's form posts for a textarea or hidden field (HTML normalises newlines to CRLF).
    const posted = draft.source.replace("We want you to feel safe", "We want you to feel at ease").replace(/\n/g, "\r\n");
    const saved = await service.saveDraft({ path: draft.path, source: posted, baseVersion: draft.version }, ana);
    if (saved.status !== "saved") throw new Error("the save was refused");
    const published = await service.publishDraft({ path: draft.path, version: saved.version, summary: "Privacy: a shorter first line" }, ana);
    expect(published).toMatchObject({ status: "published" });
    const changed = gitIn(repository, "diff", "--unified=0", "HEAD~1", "HEAD").split("\n").filter((line) => /^[-+][^-+]/.test(line));
    expect(changed).toEqual([expect.stringMatching(/^-updated: /), expect.stringMatching(/^\+updated: /), expect.stringMatching(/^-We want you to feel safe/), expect.stringMatching(/^\+We want you to feel at ease/)]);
  });
});

describe("opening a page", () => {
  it("starts one draft from the branch (audited once); the second editor gets the same draft and is told who is editing", async () => {
    const { service, appointments, repository } = await publishingFixture(cleanups);
    const opened = await service.openDraft("content/benefits.mdx", ana);
    expect(opened.draft).toMatchObject({ path: "content/benefits.mdx", version: 1, state: "draft", baseCommit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(opened.draft.source).toBe(opened.draft.baseSource);
    expect(opened.check).toMatchObject({ errors: 0 });
    expect(opened.check.readingLevel?.grade).toEqual(expect.any(Number));
    expect(opened.reviewNeeded).toBe(false);
    expect(opened.otherEditor).toBeUndefined();

    const second = await service.openDraft("content/benefits.mdx", ben);
    expect(second.draft.id).toBe(opened.draft.id);
    expect(second.otherEditor).toMatchObject({ name: "Ana Ruiz" });

    const entries = await appointments.listAudit({ reference: "content/benefits.mdx", limit: 10 });
    expect(entries.map((entry) => [entry.action, entry.actorEmail, entry.detail])).toEqual([["page-draft-start", "ana@mocekspine.com", expect.stringMatching(/^from [0-9a-f]{7}$/)]]);
    expect(repository).toBeTruthy();
  });

  it("refuses a person without the edit ability, and any file but a page or the clinic's facts", async () => {
    const { service } = await publishingFixture(cleanups);
    await expect(service.openDraft("content/benefits.mdx", frontDesk)).rejects.toThrow(PublishingRefusal);
    await expect(service.openDraft("content/benefits.mdx", frontDesk)).rejects.toThrow("Only staff who may edit pages");
    await expect(service.openDraft("package.json", ana)).rejects.toThrow("package.json is not a page or the clinic's facts");
    await expect(service.openDraft("content/../package.json", ana)).rejects.toThrow("is not a page");
    await expect(service.openDraft("content/no-such-page.mdx", ana)).rejects.toThrow("does not exist on the site");
  });

  it("starts a new page at a free address only", async () => {
    const { service } = await publishingFixture(cleanups);
    const created = await service.startNewPage("recovery-tips", ana);
    expect(created.draft).toMatchObject({ path: "content/recovery-tips.mdx", baseCommit: null, baseSource: null });
    expect(created.check.errors).toBeGreaterThan(0);
    await expect(service.startNewPage("benefits", ben)).rejects.toThrow("/benefits is already a page");
    await expect(service.startNewPage("recovery-tips", ben)).rejects.toThrow("Ana Ruiz has already started a page at /recovery-tips");
    await expect(service.startNewPage("request-appointment", ben)).rejects.toThrow("already a part of the site");
    await expect(service.startNewPage("Recovery Tips", ben)).rejects.toThrow("lowercase letters, digits and dashes");
    expect((await service.listPages()).find((page) => page.path === "content/recovery-tips.mdx")).toMatchObject({ state: "draft", href: "/recovery-tips" });
  });
});

describe("a new page's address", () => {
  it("cannot be one the editor's own screens take under /staff/pages, and the clinic's facts form lives elsewhere", async () => {
    const { service } = await publishingFixture(cleanups);
    // Every folder of app/staff/pages/ that is not a page's own ([slug]) is a screen of the editor, listed as such.
    const folders = fs.readdirSync(path.join(process.cwd(), "app/staff/pages"), { withFileTypes: true });
    const screens = folders.filter((entry) => entry.isDirectory() && !entry.name.startsWith("[")).map((entry) => entry.name);
    expect(STAFF_PAGES_OWN_ROUTES).toEqual(expect.arrayContaining(screens));
    expect(STAFF_PAGES_OWN_ROUTES).toContain("new");
    for (const name of STAFF_PAGES_OWN_ROUTES) {
      await expect(service.startNewPage(name, ana)).rejects.toThrow(`/staff/pages/${name} is one of the editor's own screens`);
    }
    expect(STAFF_CLINIC_FACTS_PATH.startsWith(`${STAFF_PAGES_PATH}/`)).toBe(false);
  });
});

describe("saving a draft", () => {
  it("runs the content check on every save: each problem with its line and column, and the reading grade", async () => {
    const { service } = await publishingFixture(cleanups);
    const { draft } = await service.openDraft("content/benefits.mdx", ana);
    const source = draft.source.replace("MILD takes pressure off the nerves.", "MILD is risk-free and takes pressure off the nerves.");
    const saved = await service.saveDraft({ path: draft.path, source, baseVersion: draft.version }, ana);
    expect(saved).toMatchObject({ status: "saved", version: 2, source });
    if (saved.status !== "saved") return;
    const line = source.split("\n").findIndex((text) => text.includes("risk-free")) + 1;
    expect(saved.check.problems).toEqual([expect.objectContaining({ file: "content/benefits.mdx", line, severity: "error", message: expect.stringContaining("risk-free") })]);
    expect(saved.check.errors).toBe(1);
    expect(saved.check.readingLevel).toMatchObject({ file: "content/benefits.mdx", grade: expect.any(Number) });
  });

  it("reports what the draft breaks in another file: a title already used by another page", async () => {
    const { service } = await publishingFixture(cleanups);
    const { draft } = await service.openDraft("content/about.mdx", ana);
    const source = draft.source.replace(/^title: .*$/m, 'title: "Benefits of MILD and other choices"');
    const saved = await service.saveDraft({ path: draft.path, source, baseVersion: draft.version }, ana);
    expect(saved.status === "saved" && saved.check.problems).toEqual([
      expect.objectContaining({ file: "content/benefits.mdx", severity: "error", message: expect.stringContaining("the same as in content/about.mdx") }),
    ]);
  });

  it("refuses a save over a newer version with who saved it and when, and returns the refused text", async () => {
    const { service, clock } = await publishingFixture(cleanups);
    const { draft } = await service.openDraft("content/benefits.mdx", ana);
    const anas = draft.source.replace("A fast recovery", "A quick recovery");
    expect(await service.saveDraft({ path: draft.path, source: anas, baseVersion: 1 }, ana)).toMatchObject({ status: "saved", version: 2 });
    clock.now = new Date(clock.now.getTime() + 1000);
    const bens = draft.source.replace("A small incision.", "A tiny incision.");
    const refused = await service.saveDraft({ path: draft.path, source: bens, baseVersion: 1 }, ben);
    expect(refused).toEqual({
      status: "conflict",
      yourSource: bens,
      current: { version: 2, source: anas, savedBy: "Ana Ruiz", savedAt: "2026-12-03T15:00:00.000Z" },
      message: expect.stringContaining("Ana Ruiz saved a newer version of this page"),
    });
    expect((await service.openDraft(draft.path, ben)).draft.source).toBe(anas);
  });

  it("clears a medical page's review when its words change, and keeps it when only the menu changes", async () => {
    const reviewed = (page: string) => page.replace(/^updated: (.*)$/m, `updated: $1\nreviewedBy: "${FIXTURE_PHYSICIAN}"\nreviewed: 2026-11-30`);
    const fs = await import("node:fs");
    const original = fs.readFileSync("content/mild-procedure.mdx", "utf8");
    const { service } = await publishingFixture(cleanups, { files: { "content/mild-procedure.mdx": reviewed(original) } });
    const { draft } = await service.openDraft("content/mild-procedure.mdx", ana);
    const menuOnly = draft.source.replace(/^navLabel: .*$/m, 'navLabel: "How MILD works"');
    const kept = await service.saveDraft({ path: draft.path, source: menuOnly, baseVersion: 1 }, ana);
    expect(kept).toMatchObject({ status: "saved", reviewCleared: false });
    expect(kept.status === "saved" && kept.source).toContain(`reviewedBy: "${FIXTURE_PHYSICIAN}"`);
    const wordsChanged = menuOnly.replace(/\n\n([A-Z][^\n]*?)\./, "\n\n$1, plainly.");
    const cleared = await service.saveDraft({ path: draft.path, source: wordsChanged, baseVersion: 2 }, ana);
    expect(cleared).toMatchObject({ status: "saved", reviewCleared: true, version: 3 });
    expect(cleared.status === "saved" && cleared.source).not.toContain("reviewedBy");
    expect(cleared.status === "saved" && cleared.source).not.toContain("reviewed:");
  });
});
