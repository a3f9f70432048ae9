import { describe, expect, it } from "vitest";
import { clinicTime } from "@/lib/staff/inbox";

describe("clinicTime: times as the clinic reads them", () => {
  it("shows a UTC time in the clinic's zone, with the zone named", () => {
    expect(clinicTime("2026-12-01T15:05:00.000Z", "America/Chicago")).toBe("Dec 1, 2026, 9:05 AM CST");
    expect(clinicTime("2026-07-01T15:05:00.000Z", "America/Chicago")).toBe("Jul 1, 2026, 10:05 AM CDT");
  });

  it("writes a spreadsheet-friendly local time for CSV files", () => {
    expect(clinicTime("2026-12-01T03:30:00.000Z", "America/Chicago", "csv")).toBe("2026-11-30 21:30 CST");
    expect(clinicTime("2026-12-01T03:30:00.000Z", "Europe/Prague", "csv")).toBe("2026-12-01 04:30 GMT+1");
  });
});
