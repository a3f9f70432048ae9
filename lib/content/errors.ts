import type { z } from "zod";

/**
 * A problem in a file staff edit. The message is written for them: it names the file, the line when known,
 * the field and what to change, and the build prints it as it is.
 */
export class ContentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The site's content has ${problems.length === 1 ? "a problem" : `${problems.length} problems`} to fix:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

/** The 1-based line of `field:` at the top level of a YAML text, counted from `firstLine`. */
export function lineOfYamlField(yamlText: string, field: string, firstLine = 1): number | undefined {
  const index = yamlText.split("\n").findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? undefined : firstLine + index;
}

/**
 * Turns zod issues into one "file:line: `field` message" line each, so staff can find the spot in their editor.
 * `lineOf` maps a top-level field to its line; fields that are missing point at `fallbackLine`.
 */
export function describeIssues(
  file: string,
  error: z.ZodError,
  lineOf: (field: string) => number | undefined,
  fallbackLine: number,
): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    // A misspelt field has no path of its own; point at the line where it is written.
    const misspeltField = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const topLevelField = issue.path[0] === undefined ? misspeltField : String(issue.path[0]);
    const line = (topLevelField && lineOf(topLevelField)) || fallbackLine;
    return field ? `${file}:${line}: \`${field}\` ${issue.message}` : `${file}:${line}: ${issue.message}`;
  });
}
