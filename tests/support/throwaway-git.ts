/**
 * Throwaway git repositories for the editor's tests. Only tests run git outside lib/git/repository.ts: to set a
 * repository up, and to play the developer whose commit lands while a draft is open.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { testTempDir, type Cleanups } from "./test-stores";

/** The identity of the test's developer, given on each command: no global git configuration is needed or read. */
const DEVELOPER = ["-c", "user.name=Test Developer", "-c", "user.email=developer@example.com", "-c", "commit.gpgsign=false"];

export function gitIn(repository: string, ...args: string[]): string {
  return execFileSync("git", [...DEVELOPER, ...args], { cwd: repository, encoding: "utf8" }).trim();
}

/** A repository on branch `main` with one commit ("Start") holding `files`. */
export function throwawayRepository(cleanups: Cleanups, files: Record<string, string | Buffer>): string {
  const repository = testTempDir(cleanups, "content-repo");
  gitIn(repository, "init", "--quiet", "--initial-branch=main");
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
    fs.writeFileSync(path.join(repository, file), content);
  }
  gitIn(repository, "add", "--all");
  gitIn(repository, "commit", "--quiet", "-m", "Start");
  return repository;
}

/** A developer's commit on `main` changing one file; returns the commit. */
export function developerCommit(repository: string, file: string, content: string): string {
  fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
  fs.writeFileSync(path.join(repository, file), content);
  gitIn(repository, "add", file);
  gitIn(repository, "commit", "--quiet", "-m", `Developer: ${file}`);
  return gitIn(repository, "rev-parse", "HEAD");
}
