// @vitest-environment node
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileExistsError, writeNewPrivateFile } from "@/lib/private-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "private-file-"));
  dirs.push(dir);
  return dir;
}

describe("files that hold patients' details (CSV exports)", () => {
  it("are readable by their owner only, whatever the umask", () => {
    const file = path.join(tempDir(), "requests.csv");
    const umask = process.umask(0);
    try {
      writeNewPrivateFile(file, "reference,name\r\n");
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toBe("reference,name\r\n");
  });

  it("never write over an existing file, whose mode anyone could read", () => {
    const file = path.join(tempDir(), "requests.csv");
    fs.writeFileSync(file, "old", { mode: 0o644 });
    expect(() => writeNewPrivateFile(file, "patient data")).toThrow(FileExistsError);
    expect(() => writeNewPrivateFile(file, "patient data")).toThrow(/requests\.csv already exists\. Choose a new file name/);
    expect(fs.readFileSync(file, "utf8")).toBe("old");
  });

  it("never follow a symlink to write somewhere else", () => {
    const dir = tempDir();
    const target = path.join(dir, "public.txt");
    fs.writeFileSync(target, "public", { mode: 0o644 });
    const link = path.join(dir, "requests.csv");
    fs.symlinkSync(target, link);
    expect(() => writeNewPrivateFile(link, "patient data")).toThrow(FileExistsError);
    expect(fs.readFileSync(target, "utf8")).toBe("public");
    // A dangling link too: it would create its target.
    const dangling = path.join(dir, "dangling.csv");
    fs.symlinkSync(path.join(dir, "created-by-link.csv"), dangling);
    expect(() => writeNewPrivateFile(dangling, "patient data")).toThrow(FileExistsError);
    expect(fs.existsSync(path.join(dir, "created-by-link.csv"))).toBe(false);
  });
});
