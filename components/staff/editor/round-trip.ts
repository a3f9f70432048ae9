/**
 * The editor writes back only what a person changed. MDXEditor (and the YAML writer for the settings) re-serialise
 * the whole document in their own style: lists spread out, tables padded, component fields on one line. Saving that
 * as it is would rewrite every page on its first save and bury a one-word change in a hundred-line difference.
 *
 * So the saved text is a three-way merge by lines (diff3): `base` is the editor's serialisation of the page as it
 * was opened, `theirs` is its serialisation now, `ours` is the page's text as it is in git. Where the editor's
 * output has not changed since the page was opened, the original lines stay as they were; where it has, the
 * editor's new lines replace the original's, keeping the original's indentation and table style.
 */
import { FRONTMATTER_BLOCK } from "@/lib/content/settings-block";
import { matchSequences } from "@/lib/text-diff";

/** A line as it reads, whatever its indentation, padding or escapes: lines with the same key say the same. */
function lineKey(line: string): string {
  const words = line.trim().replace(/\s+/g, " ");
  // A table's delimiter row, `|---|:--:|`, however padded.
  if (/^\|?[\s:|-]+\|?$/.test(words) && words.includes("-")) return words.replace(/\s/g, "").replace(/-+/g, "-");
  // The editor escapes characters it could read as Markdown (`\[1]`) where the original needs no escape.
  return words.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1");
}

const indentOf = (line: string) => /^\s*/.exec(line)?.[0] ?? "";

/** A table row without the editor's padding: `| a | b |`. */
function compactTableRow(row: string): string {
  const cells = row.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());
  const delimiter = cells.every((cell) => /^:?-+:?$/.test(cell));
  return delimiter ? `|${cells.map((cell) => cell.replace(/-+/, "---")).join("|")}|` : `| ${cells.join(" | ")} |`;
}

const isTableRow = (line: string) => /^\s*\|.*\|\s*$/.test(line);
const hasPadding = (line: string) => / {2,}/.test(line.trim());

/**
 * The person's change to one line, made on the original line: what the editor's line lost and gained (between the
 * parts it kept at both ends) replaces the same characters in the original, whose indentation and escapes stay.
 */
function changeOnOriginal(oursLine: string, baseLine: string, theirsLine: string): string {
  let head = 0;
  while (head < baseLine.length && head < theirsLine.length && baseLine[head] === theirsLine[head]) head += 1;
  let tail = 0;
  while (tail < baseLine.length - head && tail < theirsLine.length - head && baseLine[baseLine.length - 1 - tail] === theirsLine[theirsLine.length - 1 - tail]) tail += 1;
  const pairs = matchSequences([...baseLine], [...oursLine]);
  const before = pairs.filter(([b]) => b < head).at(-1);
  const after = pairs.find(([b]) => b >= baseLine.length - tail);
  const start = before ? before[1] + 1 : 0;
  const end = after ? after[1] : oursLine.length;
  const changed = oursLine.slice(0, start) + theirsLine.slice(head, theirsLine.length - tail) + oursLine.slice(end);
  return isTableRow(changed) && !hasPadding(oursLine) ? indentOf(changed) + compactTableRow(changed) : changed;
}

/** A line only the editor wrote (a new one), in the original's style: its indentation, and its tables unpadded. */
function inOriginalStyle(theirsLine: string, baseLine: string | undefined, oursLine: string | undefined): string {
  let line = theirsLine;
  if (baseLine !== undefined && oursLine !== undefined) {
    const baseIndent = indentOf(baseLine);
    if (line.startsWith(baseIndent)) line = indentOf(oursLine) + line.slice(baseIndent.length);
  }
  if (isTableRow(line) && (oursLine === undefined || !hasPadding(oursLine))) line = indentOf(line) + compactTableRow(line);
  return line;
}

const isBlank = (line: string) => line.trim() === "";
const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((line, index) => lineKey(line) === lineKey(b[index] ?? ""));

/** The lines of one stretch between lines that none of the three changed. */
function mergeStretch(ours: string[], base: string[], theirs: string[]): string[] {
  if (theirs.length === base.length && theirs.every((line, index) => line === base[index])) return ours;
  // The editor adds and drops blank lines of its own (around a component's words, between list items); the
  // original's blank lines stay where they are, and its written lines take the person's changes one for one.
  const oursWritten = ours.filter((line) => !isBlank(line));
  const baseWritten = base.filter((line) => !isBlank(line));
  const theirsWritten = theirs.filter((line) => !isBlank(line));
  if (sameKeys(oursWritten, baseWritten) && theirsWritten.length === baseWritten.length) {
    let written = 0;
    return ours.map((line) => {
      if (isBlank(line)) return line;
      const index = written++;
      const baseLine = baseWritten[index] as string;
      const theirsLine = theirsWritten[index] as string;
      return lineKey(theirsLine) === lineKey(baseLine) ? line : changeOnOriginal(line, baseLine, theirsLine);
    });
  }
  if (sameKeys(ours, base)) return theirs.map((line) => inOriginalStyle(line, base[0], ours[0]));
  // The person changed words the editor had also reformatted: the editor's form of this stretch is the truth.
  return theirs.map((line) => inOriginalStyle(line, undefined, undefined));
}

/**
 * Which original line each line of the editor's text says the same as. Blank lines take no part: the editor
 * spreads them differently, and a blank matched to a blank could otherwise win over the line beside it.
 */
function matchWrittenLines(base: readonly string[], ours: readonly string[]): Map<number, number> {
  const written = (lines: readonly string[]) => lines.flatMap((line, index) => (isBlank(line) ? [] : [{ key: lineKey(line), index }]));
  const baseWritten = written(base);
  const oursWritten = written(ours);
  const pairs = matchSequences(baseWritten, oursWritten, (a, b) => a.key === b.key);
  return new Map(pairs.map(([b, o]) => [baseWritten[b]!.index, oursWritten[o]!.index]));
}

export interface EditorTexts {
  /** The text as it is saved (in git or in the draft the editor opened). */
  original: string;
  /** The editor's serialisation of `original`, taken when it was opened. */
  editorOriginal: string;
  /** The editor's serialisation now. */
  editorNow: string;
}

/** The text to save: `original` with only the lines the person changed in the editor replaced. */
export function keepUnchangedLines({ original, editorOriginal, editorNow }: EditorTexts): string {
  if (editorNow === editorOriginal) return original;
  const ours = original.split("\n");
  const base = editorOriginal.split("\n");
  const theirs = editorNow.split("\n");
  const oursOfBase = matchWrittenLines(base, ours);
  // Lines nobody changed: the editor still writes them as it did, and the original says the same.
  const unchanged = matchSequences(base, theirs).flatMap(([b, t]) => {
    const o = oursOfBase.get(b);
    return o === undefined ? [] : [[o, b, t] as const];
  });
  const merged: string[] = [];
  let next = [0, 0, 0];
  for (const [o, b, t] of [...unchanged, [ours.length, base.length, theirs.length] as const]) {
    const [oNext, bNext, tNext] = next as [number, number, number];
    merged.push(...mergeStretch(ours.slice(oNext, o), base.slice(bNext, b), theirs.slice(tNext, t)));
    if (o < ours.length) merged.push(ours[o] as string);
    next = [o + 1, b + 1, t + 1];
  }
  return merged.join("\n");
}

/** A page's text as its two parts: the settings between `---` lines (with the lines themselves) and the words after. */
export function splitPageSource(source: string): { settings: string; body: string } {
  const block = FRONTMATTER_BLOCK.exec(source);
  return block ? { settings: block[0], body: source.slice(block[0].length) } : { settings: "", body: source };
}
