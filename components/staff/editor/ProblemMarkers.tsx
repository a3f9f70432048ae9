/**
 * The content check's problems drawn over the words they are about, in the rich-text editor: a coloured box
 * around the words and the message just below them. Drawn beside the editor's text, never inside it, so the
 * editor's own document is never touched. The list under the editor says the same to screen readers.
 */
import { useLayoutEffect, useState, type RefObject } from "react";
import { rangeOfWords, wordsOfProblem } from "./problem-places";
import type { EditorProblem } from "./types";

interface Marker {
  key: string;
  problem: EditorProblem;
  boxes: { top: number; left: number; width: number; height: number }[];
}

export function ProblemMarkers({
  problems,
  sourceLines,
  container,
  revision,
}: {
  /** Problems in the page's words, with lines counted in `sourceLines`. */
  problems: readonly EditorProblem[];
  sourceLines: readonly string[];
  /** The element around the editor: markers are placed relative to it. */
  container: RefObject<HTMLElement | null>;
  /** Changes whenever the text may have moved (each change, each check). */
  revision: unknown;
}) {
  const [markers, setMarkers] = useState<Marker[]>([]);

  useLayoutEffect(() => {
    const frame = container.current;
    if (!frame) return;
    function place() {
      const root = frame?.querySelector("[contenteditable='true']");
      if (!frame || !root) return setMarkers([]);
      const origin = frame.getBoundingClientRect();
      setMarkers(
        problems.flatMap((problem, index) => {
          const words = wordsOfProblem(problem, sourceLines);
          const range = words ? rangeOfWords(root, words) : undefined;
          const boxes = range
            ? [...range.getClientRects()].map((rect) => ({ top: rect.top - origin.top + frame.scrollTop, left: rect.left - origin.left, width: rect.width, height: rect.height }))
            : [];
          return boxes.length > 0 ? [{ key: `${index}-${problem.line}-${problem.message}`, problem, boxes }] : [];
        }),
      );
    }
    place();
    // A narrower window wraps the words elsewhere (ResizeObserver is in every browser the staff use).
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(place);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [problems, sourceLines, container, revision]);

  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0">
      {markers.map(({ key, problem, boxes }) => {
        const last = boxes[boxes.length - 1]!;
        const tone = problem.severity === "error" ? "border-emergency-border bg-emergency-bg/40" : "border-notice-border bg-notice-bg/40";
        return (
          <div key={key} data-problem-marker={problem.severity}>
            {boxes.map((box, index) => (
              <div key={index} className={`absolute rounded-sm border-b-4 ${tone}`} style={box} />
            ))}
            <div
              className={`absolute z-10 max-w-xs rounded-md border-2 bg-white px-2 py-1 text-sm shadow ${problem.severity === "error" ? "border-emergency-border text-emergency" : "border-notice-border text-notice"}`}
              style={{ top: last.top + last.height + 2, left: Math.max(0, last.left) }}
            >
              {problem.message}
            </div>
          </div>
        );
      })}
    </div>
  );
}
