import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/appointments/csv";
import { neutraliseForDisplay } from "@/lib/appointments/safe-text";
import { formulaCells, spreadsheetCells } from "@/tests/support/spreadsheet";

describe("CSV export", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(true);
  });

  it("keeps a formula from starting a cell where a semicolon is the separator (European spreadsheets)", () => {
    // Where the list separator is ";", a spreadsheet splits every line at each ";", quotes or not: the text after
    // one starts a cell of its own, so it must not start a formula either.
    expect(csvCell("Back pain;=1+1;")).toBe(`"Back pain;'=1+1;"`);
    expect(csvCell('x; =HYPERLINK("http://evil.example")')).toBe(`"x;' =HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('x;"=1+1')).toBe(`"x;'""=1+1"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`a;${start}1`)).toBe(`"a;'${start}1"`);
    // A semicolon alone is quoted, so a spreadsheet using "," reads it as one cell.
    expect(csvCell("L4;L5")).toBe('"L4;L5"');
  });

  it("gives a spreadsheet no formula to run, whether it splits at commas or at semicolons", () => {
    const hostile = ["=1+1", "a;=1+1;", 'b; -2+3+cmd|" /C calc"!A0;', "c,=1;+1", 'd;"@SUM(A1)";', "e;\t=1", "Doe; Jane"];
    const csv = toCsv(["name", "reason"], hostile.map((text) => ["Jane", text]));
    expect(formulaCells(csv)).toEqual([]);
    // And with commas, each cell reads back as one cell.
    expect(spreadsheetCells(csv, ",").slice(1).map((row) => row.length)).toEqual(hostile.map(() => 2));
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
