/**
 * A real full disk for the tests: a small tmpfs of its own, filled up. Mounting needs root, as the tests run in CI
 * (.ci/run installs packages, so it runs as root); elsewhere the test fails and says so.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { testTempDir, type Cleanups } from "./test-stores";

/** A new folder on a filesystem of its own of `sizeKb` KB, unmounted after the test. */
export function mountSmallDisk(cleanups: Cleanups, sizeKb: number): string {
  if (process.getuid?.() !== 0) {
    throw new Error("This test fills a disk of its own (a small tmpfs), and mounting one needs root: run it as root, as CI does.");
  }
  const dir = testTempDir(cleanups, "small-disk");
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", dir]);
  // Registered after the folder's removal, so it runs before it (clean-ups run last first).
  cleanups.push(() => void execFileSync("umount", [dir]));
  return dir;
}

/** Fills the disk `dir` is on until a write fails with ENOSPC; returns how to make room again. */
export function fillDisk(dir: string): () => void {
  const filler = path.join(dir, "filler");
  const fd = fs.openSync(filler, "w");
  const block = Buffer.alloc(4096);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOSPC") throw error;
  } finally {
    fs.closeSync(fd);
  }
  return () => fs.rmSync(filler);
}
