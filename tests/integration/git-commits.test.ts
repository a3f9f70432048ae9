// @vitest-environment node
/**
 * The editor's commits (lib/git/repository.ts) in throwaway repositories: one commit per publish, made with plumbing
 * so a developer's checkout (work tree and index) is left as it was; merges with a developer's commit when the
 * changes do not touch, and writes nothing when they do; history with the `Reviewed-by:` trailer.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { branchHead, commitFiles, fileAt, fileHistory, isAncestor, listFiles, pushBranch, readFiles } from "@/lib/git/repository";
import { testTempDir, type Cleanups } from "@/tests/support/test-stores";
import { developerCommit, gitIn, throwawayRepository } from "@/tests/support/throwaway-git";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ana = { name: "Ana Ruiz", email: "ana@mocekspine.com" };
const site = { name: "Mocek Spine website", email: "website@clinic.example" };
const PAGE = ["---", "title: Benefits", "---", "", "First paragraph.", "", "Second paragraph.", "", "Third paragraph.", ""].join("\n");

describe("commitFiles", () => {
  it("makes exactly one commit on the branch, the staff member its author and the site its committer, and leaves the checkout alone", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE });
    // A developer's unfinished work: a changed file in the work tree and another staged in the index.
    fs.writeFileSync(path.join(repository, "content", "benefits.mdx"), "work in progress\n");
    fs.writeFileSync(path.join(repository, "notes.txt"), "staged\n");
    gitIn(repository, "add", "notes.txt");
    const indexBefore = fs.readFileSync(path.join(repository, ".git", "index"));
    const before = await branchHead(repository, "main");

    const changed = PAGE.replace("Second paragraph.", "Second paragraph, fixed.");
    const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    const outcome = await commitFiles(repository, {
      branch: "main",
      files: [
        { path: "content/benefits.mdx", content: changed },
        { path: "public/images/mild-room.jpg", content: picture },
      ],
      author: ana,
      committer: site,
      message: "Benefits: clearer second paragraph",
      trailers: { "Reviewed-by": "Dr. Example Physician" },
      expectedBase: before,
    });

    expect(outcome).toEqual({ status: "committed", commit: expect.stringMatching(/^[0-9a-f]{40}$/), merged: false });
    const commit = (outcome as { commit: string }).commit;
    expect(await branchHead(repository, "main")).toBe(commit);
    expect(gitIn(repository, "rev-list", "--count", `${before}..${commit}`)).toBe("1");
    expect(gitIn(repository, "show", "-s", "--format=%an <%ae>|%cn <%ce>|%B", commit)).toBe(
      "Ana Ruiz <ana@mocekspine.com>|Mocek Spine website <website@clinic.example>|Benefits: clearer second paragraph\n\nReviewed-by: Dr. Example Physician",
    );
    expect(await fileAt(repository, commit, "content/benefits.mdx")).toBe(changed);
    expect((await readFiles(repository, commit, ["public/images/mild-room.jpg"])).get("public/images/mild-room.jpg")).toEqual(picture);
    // The developer's checkout: the index byte for byte as it was (their staged file in it), the work tree's file too.
    expect(fs.readFileSync(path.join(repository, ".git", "index")).equals(indexBefore)).toBe(true);
    expect(fs.readFileSync(path.join(repository, "content", "benefits.mdx"), "utf8")).toBe("work in progress\n");
    expect(fs.existsSync(path.join(repository, "public"))).toBe(false);
  });

  it("makes no commit when the files already read so (a page opened and saved without a change)", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE });
    const head = await branchHead(repository, "main");
    const outcome = await commitFiles(repository, { branch: "main", files: [{ path: "content/benefits.mdx", content: PAGE }], author: ana, committer: site, message: "No change" });
    expect(outcome).toEqual({ status: "unchanged", commit: head });
    expect(await branchHead(repository, "main")).toBe(head);
  });

  it("merges a developer's commit made since the draft began when it changed other lines", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE });
    const base = await branchHead(repository, "main");
    developerCommit(repository, "content/benefits.mdx", PAGE.replace("Third paragraph.", "Third paragraph, by a developer."));
    const outcome = await commitFiles(repository, {
      branch: "main",
      files: [{ path: "content/benefits.mdx", content: PAGE.replace("First paragraph.", "First paragraph, by the editor.") }],
      author: ana,
      committer: site,
      message: "Benefits: first paragraph",
      expectedBase: base,
    });
    expect(outcome).toMatchObject({ status: "committed", merged: true });
    const text = await fileAt(repository, (outcome as { commit: string }).commit, "content/benefits.mdx");
    expect(text).toContain("First paragraph, by the editor.");
    expect(text).toContain("Third paragraph, by a developer.");
  });

  it("writes nothing and returns both versions when the developer changed the same lines", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE });
    const base = await branchHead(repository, "main");
    const theirs = PAGE.replace("Second paragraph.", "Second paragraph, by a developer.");
    const developers = developerCommit(repository, "content/benefits.mdx", theirs);
    const ours = PAGE.replace("Second paragraph.", "Second paragraph, by the editor.");
    const outcome = await commitFiles(repository, {
      branch: "main",
      files: [{ path: "content/benefits.mdx", content: ours }],
      author: ana,
      committer: site,
      message: "Benefits: second paragraph",
      expectedBase: base,
    });
    expect(outcome).toEqual({ status: "conflict", path: "content/benefits.mdx", base: PAGE, ours, theirs, branchCommit: developers });
    expect(await branchHead(repository, "main")).toBe(developers);
  });

  it("refuses a summary of several lines and a trailer that would add one", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE });
    const request = { branch: "main", files: [{ path: "content/benefits.mdx", content: "new\n" }], author: ana, committer: site, message: "Change" };
    await expect(commitFiles(repository, { ...request, message: "  " })).rejects.toThrow("A commit needs a summary of the change");
    await expect(commitFiles(repository, { ...request, trailers: { "Reviewed-by": "Dr. A\nSigned-off-by: someone" } })).rejects.toThrow(
      "The Reviewed-by trailer must be one line of text",
    );
  });
});

describe("reading history", () => {
  it("lists every commit of a file, newest first, with author, date, summary and the reviewer from the trailer", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE, "content/faq.mdx": "faq\n" });
    const first = await branchHead(repository, "main");
    const published = await commitFiles(repository, {
      branch: "main",
      files: [{ path: "content/benefits.mdx", content: "v2\n" }],
      author: ana,
      committer: site,
      message: "Benefits: shorter",
      trailers: { "Reviewed-by": "Dr. Example Physician" },
    });
    const commit = (published as { commit: string }).commit;
    const history = await fileHistory(repository, "main", "content/benefits.mdx");
    expect(history).toEqual([
      { commit, authorName: "Ana Ruiz", authorEmail: "ana@mocekspine.com", date: expect.any(String), summary: "Benefits: shorter", reviewedBy: "Dr. Example Physician" },
      { commit: first, authorName: "Test Developer", authorEmail: "developer@example.com", date: expect.any(String), summary: "Start", reviewedBy: undefined },
    ]);
    expect(await fileAt(repository, first, "content/benefits.mdx")).toBe(PAGE);
    expect(await fileAt(repository, first, "content/missing.mdx")).toBeUndefined();
    expect(await listFiles(repository, commit, "content")).toEqual(["content/benefits.mdx", "content/faq.mdx"]);
    expect(await isAncestor(repository, first, commit)).toBe(true);
    expect(await isAncestor(repository, commit, first)).toBe(false);
  });

  it("pushes the branch to a remote", async () => {
    const repository = throwawayRepository(cleanups, { "content/benefits.mdx": PAGE });
    const remote = testTempDir(cleanups, "remote");
    execFileSync("git", ["init", "--quiet", "--bare", remote]);
    gitIn(repository, "remote", "add", "site", remote);
    await pushBranch(repository, "site", "main");
    expect(gitIn(remote, "rev-parse", "refs/heads/main")).toBe(await branchHead(repository, "main"));
  });
});
