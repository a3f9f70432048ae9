import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/appointments/csv";
import { neutraliseForDisplay } from "@/lib/appointments/safe-text";

describe("CSV export", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(true);
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("Doe, Jane")).toBe('"Doe, Jane"');
    expect(csvCell('He said "ouch"')).toBe('"He said ""ouch"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("Jane Doe")).toBe("Jane Doe");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [["1", null]])).toBe("a,b\r\n1,\r\n");
  });
});

describe("patients' text shown to staff", () => {
  it("shows text-direction controls as a visible mark, so a name cannot display as a phone number", () => {
    const disguised = "Jane \u202E9910-555-105\u202C";
    expect(csvCell(disguised)).toBe("Jane \uFFFD9910-555-105\uFFFD");
    expect(neutraliseForDisplay("a\u2066b\u2069c\u200Fd\u061Ce")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    // A leading control cannot hide a formula either.
    expect(csvCell("\u202A=1+1")).toBe("\uFFFD=1+1");
    expect(neutraliseForDisplay("Two\nlines\tand a tab")).toBe("Two\nlines\tand a tab");
  });
});
