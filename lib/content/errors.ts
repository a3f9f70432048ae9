import type { z } from "zod";

export type ProblemSeverity = "error" | "warning";

/**
 * A problem in a file staff edit, written for them: where it is and what to change. Errors stop the
 * build or the content check; warnings are shown but let the page be published.
 */
export interface ContentProblem {
  /** The file, relative to the project, e.g. `content/benefits.mdx`. */
  file: string;
  /** 1-based line; 1 when the problem belongs to the whole file. */
  line: number;
  column?: number;
  severity: ProblemSeverity;
  message: string;
}

/** `content/benefits.mdx:42: message`, the form editors and terminals turn into a link to the spot. */
export function formatContentProblem(problem: ContentProblem): string {
  const place = `${problem.file}:${problem.line}${problem.column === undefined ? "" : `:${problem.column}`}`;
  return `${place}: ${problem.severity === "warning" ? "warning: " : ""}${problem.message}`;
}

export function contentError(file: string, line: number, message: string, column?: number): ContentProblem {
  return column === undefined
    ? { file, line, severity: "error", message }
    : { file, line, column, severity: "error", message };
}

export function contentWarning(file: string, line: number, message: string, column?: number): ContentProblem {
  return column === undefined
    ? { file, line, severity: "warning", message }
    : { file, line, column, severity: "warning", message };
}

/** Thrown by the build when content is wrong: the message lists every problem, and the build prints it as it is. */
export class ContentError extends Error {
  /** Each problem as one `file:line: message` line. */
  readonly problems: readonly string[];

  constructor(readonly contentProblems: readonly ContentProblem[]) {
    const problems = contentProblems.map(formatContentProblem);
    super(
      `The site's content has ${problems.length === 1 ? "a problem" : `${problems.length} problems`} to fix:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
  }
}

/**
 * Turns zod issues into one problem each, "`field` message", at the line `lineOf` gives for the issue's
 * path, so staff can find the spot in their editor.
 */
export function describeIssues(
  file: string,
  error: z.ZodError,
  lineOf: (path: readonly PropertyKey[]) => number,
): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    // A misspelt field has no path of its own; point at the line where it is written.
    const misspeltField = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const line = lineOf(misspeltField === undefined ? issue.path : [...issue.path, misspeltField]);
    return contentError(file, line, field ? `\`${field}\` ${issue.message}` : issue.message);
  });
}
