/**
 * What two sequences (lines of a page, words of a sentence) have in common and where they differ: the longest
 * common subsequence, and the runs between its matches. Pages are a few hundred lines and paragraphs a few hundred
 * words, so the plain table (length × length) is small and exact.
 */

/** A run where `a[aStart, aEnd)` became `b[bStart, bEnd)`; an empty range on one side is an insertion or deletion. */
export interface DiffHunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** The pairs `[i, j]` with `a[i]` matched to `b[j]`, in order: a longest common subsequence under `same`. */
export function matchSequences<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): Array<[number, number]> {
  // Common head and tail first: most edits change a little in the middle, and the table shrinks to that middle.
  let head = 0;
  while (head < a.length && head < b.length && same(a[head] as T, b[head] as T)) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail] as T, b[b.length - 1 - tail] as T)) tail += 1;
  const rows = a.length - head - tail;
  const columns = b.length - head - tail;
  // lengths[i * (columns + 1) + j]: the longest common subsequence of the middles' suffixes from i and j.
  const lengths = new Uint32Array((rows + 1) * (columns + 1));
  const at = (i: number, j: number) => lengths[i * (columns + 1) + j] as number;
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = columns - 1; j >= 0; j -= 1) {
      lengths[i * (columns + 1) + j] = same(a[head + i] as T, b[head + j] as T) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < head; k += 1) pairs.push([k, k]);
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (same(a[head + i] as T, b[head + j] as T)) {
      pairs.push([head + i, head + j]);
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) i += 1;
    else j += 1;
  }
  for (let k = tail; k > 0; k -= 1) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/** The runs where `a` and `b` differ, in order. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], same?: (x: T, y: T) => boolean): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let aNext = 0;
  let bNext = 0;
  for (const [i, j] of [...matchSequences(a, b, same), [a.length, b.length] as [number, number]]) {
    if (i > aNext || j > bNext) hunks.push({ aStart: aNext, aEnd: i, bStart: bNext, bEnd: j });
    aNext = i + 1;
    bNext = j + 1;
  }
  return hunks;
}

/** A piece of one side of a comparison: words, and whether they are not on the other side. */
export interface DiffPiece {
  text: string;
  changed: boolean;
}

/** One row of a side-by-side comparison: a line of the old text and the line of the new text across from it. */
export interface SideBySideRow {
  old: DiffPiece[] | undefined;
  new: DiffPiece[] | undefined;
}

/** Words and the spaces between them, so that joining the tokens gives the line back. */
const wordTokens = (line: string) => line.split(/(\s+)/).filter((token) => token !== "");

function markWords(oldLine: string, newLine: string): { old: DiffPiece[]; new: DiffPiece[] } {
  const oldTokens = wordTokens(oldLine);
  const newTokens = wordTokens(newLine);
  const pairs = matchSequences(oldTokens, newTokens);
  const oldKept = new Set(pairs.map(([o]) => o));
  const newKept = new Set(pairs.map(([, n]) => n));
  const pieces = (tokens: string[], kept: Set<number>) =>
    tokens.reduce<DiffPiece[]>((joined, text, index) => {
      const changed = !kept.has(index) && text.trim() !== "";
      const last = joined.at(-1);
      if (last && (last.changed === changed || text.trim() === "")) last.text += text;
      else joined.push({ text, changed });
      return joined;
    }, []);
  return { old: pieces(oldTokens, oldKept), new: pieces(newTokens, newKept) };
}

/**
 * Two texts side by side, for a reviewer: unchanged lines across from each other, changed lines paired and their
 * changed words marked, added and removed lines across from nothing. `context` unchanged lines are kept around
 * each change; longer unchanged stretches become one row with neither side (shown as "…").
 */
export function sideBySide(oldText: string, newText: string, context = 2): SideBySideRow[] {
  const oldLines = oldText.split("\n");
  const newLines = newText.split("\n");
  const rows: SideBySideRow[] = [];
  const unchanged = (line: string): DiffPiece[] => [{ text: line, changed: false }];
  let oldNext = 0;
  let newNext = 0;
  const pushUnchanged = (from: number, to: number, offset: number, first: boolean, last: boolean) => {
    const count = to - from;
    const keepHead = first ? 0 : context;
    const keepTail = last ? 0 : context;
    if (count > keepHead + keepTail + 1) {
      for (let index = from; index < from + keepHead; index += 1) rows.push({ old: unchanged(oldLines[index]!), new: unchanged(newLines[index + offset]!) });
      rows.push({ old: undefined, new: undefined });
      for (let index = to - keepTail; index < to; index += 1) rows.push({ old: unchanged(oldLines[index]!), new: unchanged(newLines[index + offset]!) });
    } else for (let index = from; index < to; index += 1) rows.push({ old: unchanged(oldLines[index]!), new: unchanged(newLines[index + offset]!) });
  };
  const hunks = diffSequences(oldLines, newLines);
  hunks.forEach((hunk, index) => {
    pushUnchanged(oldNext, hunk.aStart, newNext - oldNext, index === 0, false);
    const paired = Math.min(hunk.aEnd - hunk.aStart, hunk.bEnd - hunk.bStart);
    for (let offset = 0; offset < Math.max(hunk.aEnd - hunk.aStart, hunk.bEnd - hunk.bStart); offset += 1) {
      const oldLine = offset < hunk.aEnd - hunk.aStart ? oldLines[hunk.aStart + offset] : undefined;
      const newLine = offset < hunk.bEnd - hunk.bStart ? newLines[hunk.bStart + offset] : undefined;
      if (offset < paired) rows.push(markWords(oldLine!, newLine!));
      else rows.push({ old: oldLine === undefined ? undefined : [{ text: oldLine, changed: true }], new: newLine === undefined ? undefined : [{ text: newLine, changed: true }] });
    }
    oldNext = hunk.aEnd;
    newNext = hunk.bEnd;
  });
  if (hunks.length === 0) return [];
  pushUnchanged(oldNext, oldLines.length, newNext - oldNext, false, true);
  return rows;
}
