import type { ReactNode, Ref } from "react";

/**
 * The box under the questions that says what the answers may mean: the result with JavaScript, the rules in
 * words without it. `headingRef` lets the form move focus to the heading when the reader asks for the result.
 */
export function ResultPanel({ headingRef, children }: { headingRef?: Ref<HTMLHeadingElement>; children: ReactNode }) {
  return (
    <div className="mt-6 space-y-4 rounded-lg border-2 border-brand-800 bg-white p-4 sm:p-6 print:border-ink">
      <h3 ref={headingRef} tabIndex={headingRef ? -1 : undefined} className="text-lg font-bold text-ink-muted">
        What your answers may mean
      </h3>
      {children}
    </div>
  );
}
