import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/appointments/csv";

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
