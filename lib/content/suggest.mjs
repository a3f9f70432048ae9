// @ts-check
/**
 * "Did you mean …?" for names staff type: page addresses, component names, reference ids. Plain JavaScript because
 * the build's MDX plugin (lib/content/check/mdx-safety.mjs) uses it and is loaded by Node itself.
 */

/**
 * The number of single-character edits (insert, delete, replace) that turn `a` into `b`.
 * @param {string} a @param {string} b @returns {number}
 */
function editDistance(a, b) {
  let previousRow = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const replaceCost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(/** @type {number} */ (row[j - 1]) + 1, /** @type {number} */ (previousRow[j]) + 1, /** @type {number} */ (previousRow[j - 1]) + replaceCost);
    }
    previousRow = row;
  }
  return /** @type {number} */ (previousRow[b.length]);
}

/**
 * The candidate closest to `typed`, ignoring case, when it is close enough to be a typing mistake:
 * at most a third of its letters differ (and always at most 3).
 * @param {string} typed @param {readonly string[]} candidates @returns {string | undefined}
 */
export function closestMatch(typed, candidates) {
  const lowerTyped = typed.toLowerCase();
  /** @type {{ candidate: string, distance: number } | undefined} */
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(lowerTyped, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  return best && best.distance <= allowed ? best.candidate : undefined;
}
