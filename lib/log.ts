/**
 * Operator logs as one JSON line each. Callers pass only what is safe to keep: event names, reference codes,
 * error codes. Never a patient's name, phone, email or reason; fields named like them are redacted anyway.
 *
 * A log line is never worth a request: a write that fails (a full disk, a closed pipe) is dropped and counted,
 * never thrown into the code that logged it.
 */
import fs from "node:fs";

type LogFields = Record<string, string | number | boolean | undefined>;
type Level = "info" | "warn" | "error";

/** Where log lines go; tests give a stream that fails. */
export interface LogDestination {
  write(line: string): unknown;
}

/** The appointment form's field names: a value under one of these keys would be a patient's details. */
const PATIENT_FIELD_KEYS = new Set(["fullName", "name", "phone", "email", "reason"]);

let droppedLines = 0;
let destinations: Record<Level, LogDestination> | undefined;

/** Log lines that could not be written since the process started. */
export function droppedLogLines(): number {
  return droppedLines;
}

/**
 * Standard output and error, guarded: a stream that fails emits "error", and with no listener Node turns that
 * into an uncaught exception, which Next logs to the same failing stream, and so on (seen: a full disk froze
 * every request). The listeners count the failure instead, for Next's own writes as well as ours.
 */
function guardedStandardStream(stream: NodeJS.WriteStream, fd: number): LogDestination {
  stream.on("error", () => {
    droppedLines += 1;
  });
  return {
    write(line) {
      // Once a failure has destroyed the stream, write to its file descriptor directly, so logging comes back
      // when the disk has room again.
      if (!stream.destroyed) return stream.write(line);
      return fs.writeSync(fd, line);
    },
  };
}

function standardDestinations(): Record<Level, LogDestination> {
  const guarded = globalThis as typeof globalThis & { __logDestinations?: Record<Level, LogDestination> };
  // On globalThis: Next may load this module more than once in one process; the streams need one listener each.
  guarded.__logDestinations ??= (() => {
    const out = guardedStandardStream(process.stdout, 1);
    const err = guardedStandardStream(process.stderr, 2);
    return { info: out, warn: err, error: err };
  })();
  return guarded.__logDestinations;
}

/** Sends log lines somewhere else (a test's failing stream); `undefined` restores standard output and error. */
export function setLogDestination(destination: (LogDestination & Partial<Pick<NodeJS.EventEmitter, "on">>) | undefined): void {
  destination?.on?.("error", () => {
    droppedLines += 1;
  });
  destinations = destination && { info: destination, warn: destination, error: destination };
}

/** Guards standard output and error now, before anything (Next included) writes to them. */
export function installLogGuards(): void {
  standardDestinations();
}

export function logEvent(level: Level, event: string, fields: LogFields = {}): void {
  const safeFields = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, PATIENT_FIELD_KEYS.has(key) ? "[redacted]" : value]),
  );
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...safeFields }) + "\n";
  try {
    (destinations ?? standardDestinations())[level].write(line);
  } catch {
    droppedLines += 1;
  }
}

/** The kind of an error without its message, which may quote the data that caused it. */
export function errorCode(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === "string") return code;
    if (typeof name === "string") return name;
  }
  return "UnknownError";
}
