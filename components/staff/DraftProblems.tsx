import type { ContentProblem } from "@/lib/content/errors";

/** A draft's problems from the content check, each at its line, in the words the check gives. */
export function DraftProblems({ problems, heading }: { problems: readonly ContentProblem[]; heading: string }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label={heading} className="mt-4">
      <h2 className="text-heading-3 font-bold text-brand-900">{heading}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-lg">
        {problems.map((problem) => (
          <li key={`${problem.line}:${problem.column ?? 0}:${problem.message}`}>
            Line {problem.line}: {problem.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
