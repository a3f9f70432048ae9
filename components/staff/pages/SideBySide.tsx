/**
 * Old and new text side by side, changed words marked: what a reviewer reads before approving, and what history
 * shows between two versions. HTML and CSS only. On a phone the two columns stack, each line's old text above its
 * new text, so nothing needs a sideways scroll.
 */
import { sideBySide, type DiffPiece } from "@/lib/text-diff";

function Pieces({ pieces, kind }: { pieces: DiffPiece[] | undefined; kind: "old" | "new" }) {
  if (!pieces) return <span className="sr-only">{kind === "old" ? "(no line)" : "(removed)"}</span>;
  return (
    <>
      {pieces.map((piece, index) =>
        !piece.changed ? (
          <span key={index}>{piece.text}</span>
        ) : kind === "old" ? (
          <del key={index} className="rounded bg-emergency-bg text-emergency decoration-2">
            {piece.text}
          </del>
        ) : (
          <ins key={index} className="rounded bg-brand-100 font-semibold text-brand-900 no-underline">
            {piece.text}
          </ins>
        ),
      )}
    </>
  );
}

export function SideBySide({ oldText, newText, oldLabel = "Before", newLabel = "After" }: { oldText: string; newText: string; oldLabel?: string; newLabel?: string }) {
  const rows = sideBySide(oldText, newText);
  if (rows.length === 0) return <p className="text-lg">No change.</p>;
  return (
    <div role="table" aria-label={`${oldLabel} and ${newLabel}`} className="overflow-hidden rounded-lg border-2 border-brand-200 font-mono text-sm">
      <div role="row" className="grid grid-cols-1 bg-brand-50 font-sans font-bold sm:grid-cols-2">
        <span role="columnheader" className="px-2 py-1">
          {oldLabel}
        </span>
        <span role="columnheader" className="hidden px-2 py-1 sm:block">
          {newLabel}
        </span>
      </div>
      {rows.map((row, index) =>
        row.old === undefined && row.new === undefined ? (
          <div role="row" key={index} className="border-t border-brand-200 px-2 text-ink-muted">
            <span role="cell">…</span>
          </div>
        ) : (
          <div role="row" key={index} className="grid grid-cols-1 border-t border-brand-200 sm:grid-cols-2">
            <span role="cell" className="whitespace-pre-wrap break-words px-2 py-0.5">
              <Pieces pieces={row.old} kind="old" />
            </span>
            <span role="cell" className="whitespace-pre-wrap break-words px-2 py-0.5 sm:border-l sm:border-brand-200">
              <Pieces pieces={row.new} kind="new" />
            </span>
          </div>
        ),
      )}
    </div>
  );
}
