/**
 * How a spreadsheet splits a CSV file into cells, for the tests that check no patient's or attacker's text can
 * become a formula. Excel opens a `.csv` with the list separator of the computer's region: "," in the US, ";" in
 * much of Europe. A field that starts with `"` is quoted (separators and line breaks inside are text, `""` is
 * one quote; never closed, it runs to the end of the file); any other field runs to the next separator, quotes
 * included.
 */
export function spreadsheetCells(csv: string, separator: "," | ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = csv.startsWith("\uFEFF") ? 1 : 0;
  while (at < csv.length) {
    let cell = "";
    if (csv[at] === '"') {
      at += 1;
      for (;;) {
        const quote = csv.indexOf('"', at);
        // Never closed: the rest of the file is that cell's text.
        if (quote === -1) return [...rows, [...row, cell + csv.slice(at)]];
        cell += csv.slice(at, quote);
        at = quote + 1;
        if (csv[at] !== '"') break;
        cell += '"';
        at += 1;
      }
    }
    // The rest of the field up to the separator or the end of the line is taken as it is.
    const end = csv.slice(at).search(separator === "," ? /,|\r\n/ : /;|\r\n/);
    const stop = end === -1 ? csv.length : at + end;
    cell += csv.slice(at, stop);
    row.push(cell);
    at = stop;
    if (csv.startsWith("\r\n", at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else if (at < csv.length) {
      at += 1;
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Cells a spreadsheet would run as a formula, in either reading (allowing for spaces, tabs and line breaks before it: some trim them). */
export function formulaCells(csv: string): string[] {
  return ([",", ";"] as const).flatMap((separator) =>
    spreadsheetCells(csv, separator)
      .flat()
      .filter((cell) => /^\s*[=+\-@]/.test(cell)),
  );
}
