// @vitest-environment node
/**
 * Review and publish through the publishing service, into a throwaway git repository: a medical change needs a
 * physician's approval by someone who did not write it, a publish is one commit by the staff member with a
 * `Reviewed-by:` trailer, a developer's commit is merged or shown as a conflict, the history restores, and the
 * status of a publish is read from the live site and the release records.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { branchHead, fileAt } from "@/lib/git/repository";
import { SiteLayout } from "@/lib/releases/layout";
import type { PublishingActor } from "@/lib/publishing/rules";
import { PublishingRefusal } from "@/lib/publishing/service";
import { ana, ben, FIXTURE_PHYSICIAN, frontDesk, publishingFixture, rita } from "@/tests/support/publishing";
import { testTempDir, type Cleanups } from "@/tests/support/test-stores";
import { developerCommit, gitIn } from "@/tests/support/throwaway-git";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const MEDICAL = "content/mild-procedure.mdx";
const NOT_MEDICAL = "content/privacy.mdx";

/** Changes the first sentence of the page's first paragraph: one line of its words. */
function changeOneLine(source: string, words = "This sentence is new.") {
  return source.replace(/\n\n([A-Z][^\n]*?\.) /, `\n\n${words} `);
}

async function editAndSave(service: Awaited<ReturnType<typeof publishingFixture>>["service"], file: string, actor: PublishingActor, edit = changeOneLine) {
  const { draft } = await service.openDraft(file, actor);
  const saved = await service.saveDraft({ path: file, source: edit(draft.source), baseVersion: draft.version }, actor);
  if (saved.status !== "saved") throw new Error("the save was refused");
  expect(saved.check.errors).toBe(0);
  return saved;
}

describe("a medical change", () => {
  it("is published only after a linked physician who did not write it approves: one commit by the editor with the Reviewed-by trailer", async () => {
    // The page as last updated before the test's publishing day, whatever date the real page carries today.
    const lastUpdated = fs.readFileSync(MEDICAL, "utf8").replace(/^updated: .*$/m, "updated: 2026-11-20");
    const { service, repository, appointments, clock } = await publishingFixture(cleanups, { files: { [MEDICAL]: lastUpdated } });
    const base = await branchHead(repository, "main");
    const saved = await editAndSave(service, MEDICAL, ana);
    const summary = "The procedure: a plainer first sentence";

    await expect(service.publishDraft({ path: MEDICAL, version: saved.version, summary }, ana)).rejects.toThrow("needs a physician's approval");
    await service.requestReview({ path: MEDICAL, version: saved.version }, ana);
    await expect(service.decideReview({ path: MEDICAL, version: saved.version, decision: "approve" }, ben)).rejects.toThrow("Only clinical reviewers");
    await expect(service.decideReview({ path: MEDICAL, version: saved.version, decision: "approve" }, { ...rita, physician: undefined })).rejects.toThrow(
      "not linked to a physician",
    );
    // Dates no later than today's: the schema refuses an `updated` in the future, by the real clock.
    clock.now = new Date("2026-12-02T16:00:00.000Z");
    const approved = await service.decideReview({ path: MEDICAL, version: saved.version, decision: "approve" }, rita);
    expect(approved.state).toBe("approved");

    clock.now = new Date("2026-12-03T09:00:00.000Z");
    const published = await service.publishDraft({ path: MEDICAL, version: saved.version, summary }, ana);
    expect(published).toEqual({ status: "published", commit: expect.stringMatching(/^[0-9a-f]{40}$/), merged: false });
    const commit = (published as { commit: string }).commit;
    expect(await branchHead(repository, "main")).toBe(commit);
    expect(gitIn(repository, "rev-list", "--count", `${base}..${commit}`)).toBe("1");
    expect(gitIn(repository, "show", "-s", "--format=%an <%ae>|%cn|%B", commit)).toBe(
      `Ana Ruiz <ana@mocekspine.com>|Mocek Spine website|${summary}\n\nReviewed-by: ${FIXTURE_PHYSICIAN}`,
    );
    // The commit changes the sentence and the dates (and adds the approval), nothing else.
    const changed = gitIn(repository, "diff", "--unified=0", base, commit).split("\n").filter((line) => /^[-+][^-+]/.test(line));
    expect(changed).toEqual([
      "-updated: 2026-11-20",
      "+updated: 2026-12-03",
      `+reviewedBy: "${FIXTURE_PHYSICIAN}"`,
      "+reviewed: 2026-12-02",
      expect.stringMatching(/^-[A-Z]/),
      expect.stringMatching(/^\+This sentence is new\. /),
    ]);

    const listed = (await service.listPages()).find((page) => page.path === MEDICAL);
    expect(listed).toMatchObject({ state: "published", lastTouched: { name: "Ana Ruiz" } });
    const audit = (await appointments.listAudit({ reference: MEDICAL, limit: 10 })).reverse();
    expect(audit.map((entry) => [entry.action, entry.actorEmail, entry.detail])).toEqual([
      ["page-draft-start", "ana@mocekspine.com", `from ${base.slice(0, 7)}`],
      ["page-review-request", "ana@mocekspine.com", null],
      ["page-review-approve", "rita@mocekspine.com", null],
      ["page-publish", "ana@mocekspine.com", `commit ${commit.slice(0, 7)}`],
    ]);
  });

  it("cannot be approved by one of its authors, and an approval is void once the words change", async () => {
    const { service } = await publishingFixture(cleanups);
    const writingReviewer: PublishingActor = { ...rita, abilities: ["edit", "review"] };
    const first = await editAndSave(service, MEDICAL, ana);
    const second = await service.saveDraft({ path: MEDICAL, source: first.source.replace("This sentence is new.", "This sentence is newer."), baseVersion: first.version }, writingReviewer);
    const version = second.status === "saved" ? second.version : -1;
    await service.requestReview({ path: MEDICAL, version }, ana);
    await expect(service.decideReview({ path: MEDICAL, version, decision: "approve" }, writingReviewer)).rejects.toThrow("You wrote part of this change");

    const other: PublishingActor = { ...rita, userId: "user-omar", name: "Omar Reviewer", email: "omar@mocekspine.com" };
    await service.decideReview({ path: MEDICAL, version, decision: "approve" }, other);
    const after = await service.saveDraft({ path: MEDICAL, source: `${second.status === "saved" ? second.source : ""}\nOne more sentence.\n`, baseVersion: version }, ana);
    expect(after).toMatchObject({ status: "saved", version: version + 1 });
    const reopened = await service.openDraft(MEDICAL, ana);
    expect(reopened).toMatchObject({ draft: { state: "draft" }, approval: undefined, reviewNeeded: true });
    await expect(service.publishDraft({ path: MEDICAL, version: version + 1, summary: "More" }, ana)).rejects.toThrow("needs a physician's approval");
  });

  it("is sent back with a note, which the author sees", async () => {
    const { service } = await publishingFixture(cleanups);
    const saved = await editAndSave(service, MEDICAL, ana);
    await service.requestReview({ path: MEDICAL, version: saved.version }, ana);
    await expect(service.decideReview({ path: MEDICAL, version: saved.version, decision: "send_back" }, rita)).rejects.toThrow("Say what to change");
    await service.decideReview({ path: MEDICAL, version: saved.version, decision: "send_back", note: "Name the risks too." }, rita);
    const view = await service.openDraft(MEDICAL, ana);
    expect(view.draft).toMatchObject({ state: "sent_back", stateNote: "Name the risks too." });
    expect(view.decisions.map((decision) => [decision.decision, decision.reviewer.name, decision.physician, decision.note])).toEqual([
      ["sent_back", "Rita Lang", FIXTURE_PHYSICIAN, "Name the risks too."],
    ]);
  });
});

describe("a page that is not medical", () => {
  it("is published by an editor once the check has no errors; an error blocks it, warnings do not", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const { draft } = await service.openDraft(NOT_MEDICAL, ana);
    const withError = await service.saveDraft({ path: NOT_MEDICAL, source: changeOneLine(draft.source, "Our care is risk-free."), baseVersion: 1 }, ana);
    expect(withError.status === "saved" && withError.check.errors).toBe(1);
    await expect(service.publishDraft({ path: NOT_MEDICAL, version: 2, summary: "Privacy: first sentence" }, ana)).rejects.toThrow("The check found an error");
    const fixed = await service.saveDraft({ path: NOT_MEDICAL, source: changeOneLine(draft.source), baseVersion: 2 }, ana);
    const published = await service.publishDraft({ path: NOT_MEDICAL, version: fixed.status === "saved" ? fixed.version : -1, summary: "Privacy: first sentence" }, ana);
    expect(published).toMatchObject({ status: "published" });
    expect(gitIn(repository, "show", "-s", "--format=%B", "main")).toBe("Privacy: first sentence");
  });

  it("opened and published without a change makes no commit and leaves the file as it was (round trip)", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const head = await branchHead(repository, "main");
    for (const file of ["content/privacy.mdx", "content/benefits.mdx", "content/clinic.yaml"]) {
      const { draft } = await service.openDraft(file, ana);
      const saved = await service.saveDraft({ path: file, source: draft.source, baseVersion: draft.version }, ana);
      expect(saved).toMatchObject({ status: "saved", version: 1 });
      expect(await service.publishDraft({ path: file, version: 1, summary: "Nothing" }, ana)).toEqual({ status: "unchanged", commit: head });
    }
    expect(await branchHead(repository, "main")).toBe(head);
  });
});

describe("a developer's commit since the draft began", () => {
  it("is merged when it changed other lines", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    const theirs = (await fileAt(repository, "main", NOT_MEDICAL))!.trimEnd() + "\n\nA developer's closing line.\n";
    developerCommit(repository, NOT_MEDICAL, theirs);
    expect((await service.openDraft(NOT_MEDICAL, ana)).branchChangedSinceDraft).toBe(true);
    const published = await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" }, ana);
    expect(published).toMatchObject({ status: "published", merged: true });
    const text = await fileAt(repository, "main", NOT_MEDICAL);
    expect(text).toContain("This sentence is new.");
    expect(text).toContain("A developer's closing line.");
  });

  it("on the same lines: nothing is written, both versions come back and the draft says why it failed", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    const developers = developerCommit(repository, NOT_MEDICAL, changeOneLine((await fileAt(repository, "main", NOT_MEDICAL))!, "A developer wrote this."));
    const result = await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" }, ana);
    expect(result).toMatchObject({ status: "conflict", yours: expect.stringContaining("This sentence is new."), theirs: expect.stringContaining("A developer wrote this.") });
    expect(await branchHead(repository, "main")).toBe(developers);
    expect((await service.openDraft(NOT_MEDICAL, ana)).draft).toMatchObject({ state: "failed", stateNote: expect.stringContaining("changed in git since this draft began") });
  });
});

describe("a medical page's approval and a developer's commit", () => {
  it("is not stretched over merged words: the publish is refused, the draft holds the merged text and asks for review again", async () => {
    const { service, repository, appointments } = await publishingFixture(cleanups);
    const saved = await editAndSave(service, MEDICAL, ana);
    await service.requestReview({ path: MEDICAL, version: saved.version }, ana);
    await service.decideReview({ path: MEDICAL, version: saved.version, decision: "approve" }, rita);
    const theirs = (await fileAt(repository, "main", MEDICAL))!.trimEnd() + "\n\nA developer's closing line.\n";
    const developers = developerCommit(repository, MEDICAL, theirs);

    const refused = await service.publishDraft({ path: MEDICAL, version: saved.version, summary: "The procedure: first sentence" }, ana);
    expect(refused).toMatchObject({ status: "needs-review", message: expect.stringContaining("approve the merged words") });
    expect(await branchHead(repository, "main")).toBe(developers);
    const view = await service.openDraft(MEDICAL, ana);
    expect(view.draft.source).toContain("This sentence is new.");
    expect(view.draft.source).toContain("A developer's closing line.");
    expect(view).toMatchObject({ approval: undefined, reviewNeeded: true, branchChangedSinceDraft: false, draft: { state: "failed" } });
    const audit = await appointments.listAudit({ reference: MEDICAL, limit: 1 });
    expect(audit.map((entry) => [entry.action, entry.detail])).toEqual([["page-publish-failed", `merged with ${developers.slice(0, 7)}: needs review again`]]);

    // Approved again, the merged words are published as one commit on top of the developer's.
    await service.requestReview({ path: MEDICAL, version: view.draft.version }, ana);
    await service.decideReview({ path: MEDICAL, version: view.draft.version, decision: "approve" }, rita);
    const published = await service.publishDraft({ path: MEDICAL, version: view.draft.version, summary: "The procedure: first sentence" }, ana);
    expect(published).toMatchObject({ status: "published", merged: false });
    expect(gitIn(repository, "rev-list", "--count", `${developers}..main`)).toBe("1");
    const text = (await fileAt(repository, "main", MEDICAL))!;
    expect(text).toContain("This sentence is new.");
    expect(text).toContain("A developer's closing line.");
  });
});

describe("two publishes of one draft at once", () => {
  it("make one commit and one publish entry in the audit log; the other is told", async () => {
    const { service, repository, appointments } = await publishingFixture(cleanups);
    const base = await branchHead(repository, "main");
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    const request = { path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" };
    const results = await Promise.allSettled([service.publishDraft(request, ana), service.publishDraft(request, ben)]);

    expect(results.filter((result) => result.status === "fulfilled").map((result) => result.value)).toEqual([
      { status: "published", commit: await branchHead(repository, "main"), merged: false },
    ]);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(PublishingRefusal);
    expect(gitIn(repository, "rev-list", "--count", `${base}..main`)).toBe("1");
    const audit = await appointments.listAudit({ reference: NOT_MEDICAL, limit: 10 });
    expect(audit.filter((entry) => entry.action === "page-publish")).toHaveLength(1);
  });
});

describe("discarding a draft", () => {
  it("throws the draft away (audited), after which the page is as published and an old version can be restored", async () => {
    const { service, repository, appointments } = await publishingFixture(cleanups);
    const original = (await fileAt(repository, "main", NOT_MEDICAL))!;
    const start = (await service.pageHistory(NOT_MEDICAL)).at(-1)!;
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    await expect(service.restoreVersion(NOT_MEDICAL, start.commit, ben)).rejects.toThrow("discard it first");
    await expect(service.discardDraft({ path: NOT_MEDICAL, version: saved.version }, frontDesk)).rejects.toThrow("Only staff who may edit pages");
    await expect(service.discardDraft({ path: NOT_MEDICAL, version: saved.version - 1 }, ben)).rejects.toThrow("saved a newer version");

    await service.discardDraft({ path: NOT_MEDICAL, version: saved.version }, ben);
    expect((await service.listPages()).find((page) => page.path === NOT_MEDICAL)).toMatchObject({ state: "published" });
    const audit = await appointments.listAudit({ reference: NOT_MEDICAL, limit: 1 });
    expect(audit.map((entry) => [entry.action, entry.actorEmail, entry.detail])).toEqual([["page-draft-discard", "ben@mocekspine.com", `version ${saved.version} by Ana Ruiz`]]);

    const restored = await service.restoreVersion(NOT_MEDICAL, start.commit, ben);
    expect(restored.draft).toMatchObject({ state: "draft", source: original });
  });
});

describe("pictures uploaded with a draft", () => {
  it("count as present for the check and go into the page's commit", async () => {
    const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
    const { service, repository } = await publishingFixture(cleanups, {
      deps: { draftPictures: async (draft) => (draft.path === NOT_MEDICAL ? [{ path: "public/images/front-desk.jpg", content: picture }] : []) },
    });
    const base = await branchHead(repository, "main");
    const saved = await editAndSave(service, NOT_MEDICAL, ana, (source) => `${source.trimEnd()}\n\n![The front desk](/images/front-desk.jpg)\n`);
    const published = await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: a picture of the front desk" }, ana);
    expect(published).toMatchObject({ status: "published" });
    expect(gitIn(repository, "diff", "--name-only", base, "main").split("\n")).toEqual(["content/privacy.mdx", "public/images/front-desk.jpg"]);
    expect(gitIn(repository, "rev-list", "--count", `${base}..main`)).toBe("1");
  });
});

describe("pushing", () => {
  it("sends each publish to CONTENT_GIT_REMOTE; an unreachable remote publishes nothing and keeps the draft", async () => {
    const remote = testTempDir(cleanups, "remote");
    execFileSync("git", ["init", "--quiet", "--bare", remote]);
    const { service, repository } = await publishingFixture(cleanups, { deps: { remote: "site" } });
    const before = await branchHead(repository, "main");
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    await expect(service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" }, ana)).rejects.toThrow(
      /could not be brought in from site .* nothing was published and your draft is kept/,
    );
    expect(await branchHead(repository, "main")).toBe(before);
    expect((await service.openDraft(NOT_MEDICAL, ana)).draft).toMatchObject({ state: "draft", version: saved.version });

    gitIn(repository, "remote", "add", "site", remote);
    gitIn(repository, "push", "--quiet", "site", "main");
    const published = await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" }, ana);
    expect(published).toMatchObject({ status: "published" });
    expect(gitIn(remote, "rev-parse", "refs/heads/main")).toBe((published as { commit: string }).commit);
  });

  it("takes up a developer's push to the remote first, so the publish lands on top of it and is sent", async () => {
    const remote = testTempDir(cleanups, "remote");
    execFileSync("git", ["init", "--quiet", "--bare", remote]);
    const { service, repository } = await publishingFixture(cleanups, { deps: { remote: "site" } });
    gitIn(repository, "remote", "add", "site", remote);
    gitIn(repository, "push", "--quiet", "site", "main");
    const saved = await editAndSave(service, NOT_MEDICAL, ana);

    // A developer pushes a change to another page from their own clone; the editor's checkout has not seen it.
    const developerClone = testTempDir(cleanups, "developer");
    execFileSync("git", ["clone", "--quiet", "--branch", "main", remote, developerClone]);
    const pushed = developerCommit(developerClone, "content/accessibility.mdx", `${(await fileAt(repository, "main", "content/accessibility.mdx"))!}\nA developer's line.\n`);
    gitIn(developerClone, "push", "--quiet", "origin", "main");

    const published = await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" }, ana);
    expect(published).toMatchObject({ status: "published" });
    const commit = (published as { commit: string }).commit;
    expect(gitIn(remote, "rev-parse", "refs/heads/main")).toBe(commit);
    expect(gitIn(repository, "rev-parse", `${commit}^`)).toBe(pushed);
  });
});

describe("history and restore", () => {
  it("lists published versions with author, reviewer and summary; restoring opens a draft of the old text, published like any change", async () => {
    const { service, repository } = await publishingFixture(cleanups);
    const original = (await fileAt(repository, "main", NOT_MEDICAL))!;
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    const first = await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy: first sentence" }, ana);
    const history = await service.pageHistory(NOT_MEDICAL);
    expect(history[0]).toMatchObject({ commit: (first as { commit: string }).commit, authorName: "Ana Ruiz", summary: "Privacy: first sentence", reviewedBy: undefined });
    const start = history.at(-1)!;
    expect(start.authorName).toBe("Test Developer");

    const restored = await service.restoreVersion(NOT_MEDICAL, start.commit, ben);
    expect(restored.draft).toMatchObject({ state: "draft", source: original, createdBy: { name: "Ben Okafor" } });
    await expect(service.restoreVersion(NOT_MEDICAL, "0".repeat(40), ben)).rejects.toThrow(PublishingRefusal);
    const back = await service.publishDraft({ path: NOT_MEDICAL, version: restored.draft.version, summary: "Privacy: back to the first version" }, ben);
    expect(back).toMatchObject({ status: "published" });
    // The words are the old ones; `updated` is the day of this publish.
    const text = (await fileAt(repository, "main", NOT_MEDICAL))!;
    expect(text.replace(/^updated: .*$/m, "")).toBe(original.replace(/^updated: .*$/m, ""));
  });
});

describe("the status of a publish", () => {
  it("waits for the site, then is live since the switch, or failed with the release's reason", async () => {
    const siteRoot = testTempDir(cleanups, "site-root");
    const { service, repository, served } = await publishingFixture(cleanups, { deps: { siteRoot } });
    const saved = await editAndSave(service, NOT_MEDICAL, ana);
    const { commit } = (await service.publishDraft({ path: NOT_MEDICAL, version: saved.version, summary: "Privacy" }, ana)) as { commit: string };
    const layout = new SiteLayout(siteRoot);

    served.commit = gitIn(repository, "rev-parse", "main~1");
    expect(await service.publishStatus(commit)).toEqual({ state: "waiting", message: "Waiting for the site to update" });

    layout.writeFailure({ commit, at: "2026-12-03T15:05:00.000Z", stage: "content-check", message: "content/privacy.mdx:12: the link to /nowhere goes to a page that does not exist" });
    expect(await service.publishStatus(commit)).toEqual({
      state: "failed",
      stage: "content-check",
      at: "2026-12-03T15:05:00.000Z",
      message: "content/privacy.mdx:12: the link to /nowhere goes to a page that does not exist",
    });

    // A later publish went live: it holds this one.
    const later = developerCommit(repository, "content/faq.mdx", (await fileAt(repository, "main", "content/faq.mdx"))! + "\n");
    served.commit = later;
    fs.mkdirSync(path.dirname(layout.liveFile), { recursive: true });
    layout.writeLive({ commit: later, since: "2026-12-03T15:10:00.000Z" });
    expect(await service.publishStatus(commit)).toEqual({ state: "live", since: "2026-12-03T15:10:00.000Z", message: "Live since 2026-12-03T15:10:00.000Z" });
  });
});
