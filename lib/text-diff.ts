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
