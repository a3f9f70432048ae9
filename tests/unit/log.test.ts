// @vitest-environment node
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { droppedLogLines, logEvent, setLogDestination } from "@/lib/log";

afterEach(() => setLogDestination(undefined));

describe("operator logs", () => {
  it("drop and count a line whose write throws (a full disk), never throwing into the caller", () => {
    setLogDestination({
      write() {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    });
    const before = droppedLogLines();
    expect(() => logEvent("error", "appointments.store_failed", { error: "SQLITE_FULL" })).not.toThrow();
    expect(droppedLogLines()).toBe(before + 1);
  });

  it("survive a stream that fails later (a closed pipe), which would otherwise be an uncaught error", async () => {
    const closedPipe = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    setLogDestination(closedPipe);
    const before = droppedLogLines();
    logEvent("info", "appointments.received", { reference: "MS-7K3Q9" });
    logEvent("info", "appointments.received", { reference: "MS-7K3Q8" });
    // The stream reports its failure on a later tick: wait for the count, not for a guessed time.
    await vi.waitFor(() => expect(droppedLogLines()).toBeGreaterThan(before), { timeout: 10_000 });
  });

  it("redact a field named like a patient's detail, should a caller ever pass one", () => {
    const lines: string[] = [];
    setLogDestination({ write: (line: string) => lines.push(line) });
    logEvent("info", "test.event", { reference: "MS-7K3Q9", fullName: "Quillon Testwell", phone: "+15015550199" });
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: "test.event", reference: "MS-7K3Q9", fullName: "[redacted]", phone: "[redacted]" });
    expect(lines.join("")).not.toMatch(/Quillon|5550199/);
  });
});
