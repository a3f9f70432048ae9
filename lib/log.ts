/**
 * Operator logs as one JSON line each. Callers pass only what is safe to keep: event names, reference codes,
 * error codes. Never a patient's name, phone, email or reason.
 */
type LogFields = Record<string, string | number | boolean | undefined>;

export function logEvent(level: "info" | "warn" | "error", event: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
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
