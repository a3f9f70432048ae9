// @vitest-environment node
/** The comparison a reviewer reads: changed lines across from each other, the changed words marked. */
import { diffSequences, sideBySide } from "@/lib/text-diff";

const lines = (count: number) => Array.from({ length: count }, (_, index) => `Line ${index + 1}.`);

test("a changed word is marked on both sides, the rest of the line is not", () => {
  const rows = sideBySide("MILD is safe.\nCall us.", "MILD is low-risk.\nCall us.");
  expect(rows[0]).toEqual({
    old: [{ text: "MILD is ", changed: false }, { text: "safe.", changed: true }],
    new: [{ text: "MILD is ", changed: false }, { text: "low-risk.", changed: true }],
  });
  expect(rows[1]).toEqual({ old: [{ text: "Call us.", changed: false }], new: [{ text: "Call us.", changed: false }] });
});

test("long unchanged stretches are folded, two lines kept around each change", () => {
  const before = lines(20);
  const after = [...before];
  after[10] = "Line eleven.";
  const rows = sideBySide(before.join("\n"), after.join("\n"));
  const shown = rows.map((row) => (row.old === undefined && row.new === undefined ? "…" : row.old?.map((piece) => piece.text).join("")));
  expect(shown).toEqual(["…", "Line 9.", "Line 10.", "Line 11.", "Line 12.", "Line 13.", "…"]);
});

test("added and removed lines stand across from nothing", () => {
  const rows = sideBySide("One.\nTwo.", "One.\nTwo.\nThree.");
  expect(rows.at(-1)).toEqual({ old: undefined, new: [{ text: "Three.", changed: true }] });
  expect(sideBySide("Same.", "Same.")).toEqual([]);
});

test("the difference between two sequences is where they differ, in order", () => {
  expect(diffSequences(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
    { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
    { aStart: 3, aEnd: 3, bStart: 3, bEnd: 4 },
  ]);
});
