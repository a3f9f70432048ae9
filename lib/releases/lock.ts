/**
 * One update at a time on a server: a lock file holding the owner's process id, made with O_EXCL so two updates
 * started at once (the timer and the editor's publish) cannot both take it. A lock left by a process that no
 * longer runs (killed, machine restarted) is taken over.
 */
import fs from "node:fs";
import path from "node:path";

export interface HeldLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock, or the id of the process that holds it. */
export function tryLock(file: string): HeldLock | { heldBy: number } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(file, "wx", 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return { release: () => fs.rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(file, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) return { heldBy: holder };
      // Left behind by a process that is gone: remove it and try once more (another waiting update may win).
      fs.rmSync(file, { force: true });
    }
  }
  return { heldBy: Number(fs.readFileSync(file, "utf8")) || 0 };
}
