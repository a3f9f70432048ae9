/**
 * Files that hold patients' details (CSV exports): always a new file, readable by its owner only. Never an
 * existing file, whose mode we would inherit (0644: anyone on the server could read it), and never through a
 * symlink, which would send the data wherever the link points.
 */
import fs from "node:fs";

export class FileExistsError extends Error {}

export function writeNewPrivateFile(file: string, contents: string): void {
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
  let fd: number;
  try {
    // O_EXCL fails on any existing path, a symlink (even a dangling one) included; O_NOFOLLOW says so twice.
    fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new FileExistsError(
        `${file} already exists. Choose a new file name: an export never writes over a file, so patients' details ` +
          "cannot end up in a file that others can read.",
      );
    }
    throw error;
  }
  try {
    // The mode given to open() is narrowed by the umask, never widened; set it outright.
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
