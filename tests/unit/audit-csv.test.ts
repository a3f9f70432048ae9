import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/appointments/store";
import { clinicDate, csvDownload } from "@/lib/staff/admin-download";
import { AUDIT_CSV_HEADER, auditActionLabel, auditCsv, COMMAND_LINE_ACTOR, parseAuditFilter } from "@/lib/staff/audit-log";
import { formulaCells } from "@/tests/support/spreadsheet";

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  at: "2026-07-04T15:30:00.000Z",
  actorId: "user-1",
  actorEmail: "ana@clinic.example",
  action: "request-view",
  reference: "MS-7K2P9QX4",
  detail: null,
  ipHash: "0123456789abcdef",
  ...overrides,
});

describe("the audit log as CSV", () => {
  it("starts with a byte-order mark and the header, with times in the clinic's zone", () => {
    const csv = auditCsv([entry({})], "America/Chicago");
    expect(csv.startsWith("\uFEFFtime,who,what,action,reference,detail,address hash\r\n")).toBe(true);
    // 15:30 UTC in July is 10:30 in Chicago (daylight time).
    expect(csv).toContain("2026-07-04 10:30 CDT,ana@clinic.example,Viewed a request,request-view,MS-7K2P9QX4,,0123456789abcdef\r\n");
    expect(auditCsv([entry({ at: "2026-01-15T15:30:00.000Z" })], "America/New_York")).toContain("2026-01-15 10:30 EST,");
  });

  it("gives every entry a row, newest first as given, with the label in words and the raw action beside it", () => {
    const csv = auditCsv(
      [
        entry({ action: "user-disable", reference: null, detail: "bo@clinic.example", ipHash: null }),
        entry({ action: "something-new", actorId: null, actorEmail: "(server command line)", reference: null }),
      ],
      "UTC",
    );
    const lines = csv.replace("\uFEFF", "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(",")).toEqual([...AUDIT_CSV_HEADER]);
    expect(lines[1]).toBe("2026-07-04 15:30 UTC,ana@clinic.example,Disabled a user,user-disable,,bo@clinic.example,");
    expect(lines[2]).toBe("2026-07-04 15:30 UTC,(server command line),something-new,something-new,,,0123456789abcdef");
  });

  it("never lets an attempted email become a spreadsheet formula", () => {
    const csv = auditCsv([entry({ action: "sign-in-failed", actorEmail: '=HYPERLINK("http://evil.example")' })], "UTC");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const semicolons = auditCsv([entry({ action: "sign-in-failed", actorEmail: 'x;=HYPERLINK("http://evil.example");' })], "UTC");
    expect(formulaCells(semicolons)).toEqual([]);
  });

  it("names an action in words, or shows it as stored when it has no label", () => {
    expect(auditActionLabel("audit-export")).toBe("Exported the audit log");
    expect(auditActionLabel("toString")).toBe("toString");
    expect(auditActionLabel("later-action")).toBe("later-action");
  });
});

describe("the audit page's filter", () => {
  it("reads a person, a reference (with or without MS-) and a page", () => {
    const params: Record<string, string | string[]> = { actor: "user-1", reference: " ms-7k2p9qx4 ", before: "120" };
    expect(parseAuditFilter((name) => params[name])).toEqual({ actor: "user-1", reference: "MS-7K2P9QX4", before: 120 });
    expect(parseAuditFilter((name) => ({ reference: "7K2P9QX4", actor: COMMAND_LINE_ACTOR })[name])).toEqual({
      actor: COMMAND_LINE_ACTOR,
      reference: "MS-7K2P9QX4",
      before: undefined,
    });
  });

  it("ignores what is empty or malformed instead of failing the page", () => {
    expect(parseAuditFilter(() => undefined)).toEqual({ actor: undefined, reference: undefined, before: undefined });
    expect(parseAuditFilter((name) => ({ actor: "", reference: "", before: "-3" })[name])).toEqual({ actor: undefined, reference: undefined, before: undefined });
    expect(parseAuditFilter((name) => ({ before: "abc", reference: "x".repeat(50) })[name])).toEqual({ actor: undefined, reference: undefined, before: undefined });
    expect(parseAuditFilter((name) => ({ actor: ["a", "b"] })[name])).toMatchObject({ actor: "a" });
  });
});

describe("a CSV download", () => {
  it("is an attachment named for the clinic's date, never cached", async () => {
    // 03:00 UTC on 2 November is still 1 November in Chicago.
    const now = new Date("2026-11-02T03:00:00Z");
    expect(clinicDate(now, "America/Chicago")).toBe("2026-11-01");
    const response = csvDownload("\uFEFFa\r\n", "requests", now, "America/Chicago");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="mocek-spine-requests-2026-11-01.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(new Uint8Array(await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
