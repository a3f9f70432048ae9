/**
 * CSV for staff spreadsheets. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, return at the
 * start) get a leading apostrophe, so a patient's text can never become a formula on a staff computer; text
 * direction controls become a visible mark (./safe-text.ts).
 */
import { neutraliseForDisplay } from "./safe-text";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null | undefined): string {
  const text = neutraliseForDisplay(value ?? "");
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
