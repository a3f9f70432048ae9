/** Every problem the content check found in the page, and its reading grade: what stops publishing, and what may. */
import type { EditorCheck } from "./types";

export function ProblemList({ check, file, settingsLineCount }: { check: EditorCheck; file: string; settingsLineCount: number }) {
  const errors = check.problems.filter((problem) => problem.severity === "error");
  const warnings = check.problems.filter((problem) => problem.severity === "warning");
  const grade = check.readingLevel?.grade;
  const where = (line: number, problemFile: string | undefined) =>
    problemFile && problemFile !== file ? `${problemFile}, line ${line}` : line <= settingsLineCount ? "Page settings" : `Line ${line - settingsLineCount} of the words`;
  return (
    <section aria-labelledby="check-heading" className="mt-6 rounded-lg border-2 border-brand-200 p-4">
      <h2 id="check-heading" className="text-xl font-bold text-brand-900">
        Check
      </h2>
      <p role="status" className="mt-1 text-lg">
        {errors.length > 0
          ? `${errors.length} ${errors.length === 1 ? "problem stops" : "problems stop"} publishing${warnings.length > 0 ? `, ${warnings.length} to look at` : ""}.`
          : warnings.length > 0
            ? `Ready to publish; ${warnings.length} ${warnings.length === 1 ? "thing" : "things"} to look at.`
            : "No problems: ready to publish."}{" "}
        {grade === undefined ? "" : `Reading grade ${grade.toFixed(1)}.`}
      </p>
      {check.problems.length > 0 && (
        <ul className="mt-3 space-y-2">
          {check.problems.map((problem, index) => (
            <li key={index} className={problem.severity === "error" ? "text-emergency" : "text-ink"}>
              <strong>{problem.severity === "error" ? "Error" : "Warning"}</strong> ({where(problem.line, problem.file)}): {problem.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
