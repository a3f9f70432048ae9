// @vitest-environment node
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SiteLayout, writeJsonAtomically } from "@/lib/releases/layout";
import { tryLock } from "@/lib/releases/lock";
import { rollbackTarget } from "@/lib/releases/rollback";
import { pruneReleases } from "@/lib/releases/update";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function siteWith(commits: string[], live?: string): SiteLayout {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "site-root-"));
  roots.push(root);
  const layout = new SiteLayout(root);
  commits.forEach((commit, index) => {
    const builtAt = new Date(Date.UTC(2026, 11, 1, 10, index)).toISOString();
    writeJsonAtomically(path.join(layout.releaseDir(commit), "release.json"), { commit, committedAt: builtAt, subject: `change ${index}`, builtAt });
  });
  if (live) layout.writeLive({ commit: live, since: new Date().toISOString() });
  return layout;
}

const commitId = (digit: string) => digit.repeat(40);

describe("the release path's records", () => {
  it("lists releases newest first and ignores a folder without a valid release.json", () => {
    const layout = siteWith([commitId("a"), commitId("b")]);
    fs.mkdirSync(layout.releaseDir(commitId("c")));
    expect(layout.releases().map((release) => release.commit)).toEqual([commitId("b"), commitId("a")]);
  });

  it("rolls back to the release built before the live one, or to one named by a short id", () => {
    const layout = siteWith([commitId("a"), commitId("b"), commitId("c")], commitId("c"));
    expect(rollbackTarget(layout)).toEqual({ commit: commitId("b") });
    expect(rollbackTarget(layout, "aaaaaaa")).toEqual({ commit: commitId("a") });
    expect(rollbackTarget(layout, "1234567")).toEqual({ error: expect.stringContaining("1234567 is not a kept release") });
  });

  it("has nothing to roll back to when the live release is the oldest", () => {
    const layout = siteWith([commitId("a"), commitId("b")], commitId("a"));
    expect(rollbackTarget(layout)).toEqual({ error: "there is no kept release older than the live one to roll back to" });
  });

  it("keeps the newest 3 releases, and the live one even when it is older", () => {
    const layout = siteWith([commitId("a"), commitId("b"), commitId("c"), commitId("d"), commitId("e")], commitId("a"));
    pruneReleases(layout, () => {});
    expect(layout.releases().map((release) => release.commit).sort()).toEqual([commitId("a"), commitId("c"), commitId("d"), commitId("e")]);
  });

  it("lets one update hold the lock; a second is told who holds it; a lock left by a process that is gone is taken over", () => {
    const layout = siteWith([]);
    const first = tryLock(layout.lockFile);
    expect("release" in first).toBe(true);
    expect(tryLock(layout.lockFile)).toEqual({ heldBy: process.pid });
    (first as { release(): void }).release();
    fs.writeFileSync(layout.lockFile, "999999999");
    const taken = tryLock(layout.lockFile);
    expect("release" in taken).toBe(true);
    expect(fs.readFileSync(layout.lockFile, "utf8")).toBe(String(process.pid));
  });
});
