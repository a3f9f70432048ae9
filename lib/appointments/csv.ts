/**
 * CSV for staff spreadsheets. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, return at the
 * start) gets a leading apostrophe, so a patient's text can never become a formula on a staff computer; text
 * direction controls become a visible mark (./safe-text.ts).
 *
 * The file is comma-separated, but Excel opens a `.csv` with the list separator of the computer's region, which is
 * ";" in much of Europe. There it splits every line at each ";", inside our quotes or not (a quote only counts at
 * the start of a field), so the text after a ";" starts a cell of its own: it gets the apostrophe too (skipping
 * the spaces and quotes a spreadsheet may skip), and a cell holding a ";" is quoted for the comma reading.
 */
import { neutraliseForDisplay } from "./safe-text";

/** A formula at the start of a cell, or of what a semicolon-splitting spreadsheet takes for one. */
const FORMULA_START = /(^|;)(?=[\t\r]|[\s"]*[=+\-@])/g;

export function csvCell(value: string | null | undefined): string {
  const text = neutraliseForDisplay(value ?? "");
  const safe = text.replace(FORMULA_START, "$1'");
  return /[",;\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
