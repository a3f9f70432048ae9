/**
 * Files that hold patients' details (CSV exports, database backups): always a new file, readable by its owner only. Never an
 * existing file, whose mode we would inherit (0644: anyone on the server could read it), and never through a
 * symlink, which would send the data wherever the link points.
 */
import fs from "node:fs";
import path from "node:path";

export class FileExistsError extends Error {}

function fileExistsError(file: string) {
  return new FileExistsError(
    `${file} already exists. Choose a new file name: patients' details are never written over a file, so they ` +
      "cannot end up in a file that others can read.",
  );
}

export function writeNewPrivateFile(file: string, contents: string): void {
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
  let fd: number;
  try {
    // O_EXCL fails on any existing path, a symlink (even a dangling one) included; O_NOFOLLOW says so twice.
    fd = fs.openSync(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw fileExistsError(file);
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

/**
 * The same promise for a file another library writes (a SQLite backup): `write` fills a file in a private
 * folder (0700) beside `file`, which then appears under its name complete, mode 0600, or not at all. The last step
 * is a hard link, which like O_EXCL refuses any existing path, a symlink included.
 */
export async function writeNewPrivateFileWith(file: string, write: (temporaryFile: string) => Promise<void>): Promise<void> {
  if (fs.lstatSync(file, { throwIfNoEntry: false })) throw fileExistsError(file);
  const folder = fs.mkdtempSync(path.join(path.dirname(path.resolve(file)), ".partial-"));
  try {
    const temporaryFile = path.join(folder, "file");
    await write(temporaryFile);
    const fd = fs.openSync(temporaryFile, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      fs.fchmodSync(fd, 0o600);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temporaryFile, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw fileExistsError(file);
      throw error;
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
