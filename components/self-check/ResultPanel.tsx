import type { ReactNode, Ref } from "react";

export const RESULT_PANEL_HEADING = "What your answers may mean";

/**
 * The box under the questions that says what the answers may mean: the result with JavaScript, the rules in
 * words without it. `headingRef` lets the form move focus to the heading when the reader asks for the result;
 * `heading` replaces the usual one when the result is an instruction (the emergency's "Call 911 …").
 */
export function ResultPanel({
  headingRef,
  heading = RESULT_PANEL_HEADING,
  urgent = false,
  children,
}: {
  headingRef?: Ref<HTMLHeadingElement>;
  heading?: string;
  /** The heading is what to do now: large and in the emergency colour. */
  urgent?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="mt-6 space-y-4 rounded-lg border-2 border-brand-800 bg-white p-4 sm:p-6 print:border-ink">
      <h3
        ref={headingRef}
        tabIndex={headingRef ? -1 : undefined}
        className={urgent ? "text-2xl font-bold text-emergency" : "text-lg font-bold text-ink-muted"}
      >
        {heading}
      </h3>
      {children}
    </div>
  );
}
