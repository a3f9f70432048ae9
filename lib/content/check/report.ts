/** The content check's report as staff read it in a terminal: the reading level of every page, then every problem. */
import { formatContentProblem } from "../errors";
import type { ContentCheckReport, PageReadingLevel } from "./index";

function readingLevelStatus(level: PageReadingLevel, limits: ContentCheckReport["readingLevelLimits"]): string {
  if (level.grade === undefined) return "no words";
  if (level.grade <= limits.warnAbove) return "ok";
  if (level.grade <= limits.errorAbove) return "warning: hard to read";
  return level.exemptFromError ? "warning: hard to read (exempt policy page)" : "error: too hard to read";
}

export function formatReadingLevelTable({ readingLevels, readingLevelLimits }: ContentCheckReport): string {
  const fileWidth = Math.max(4, ...readingLevels.map((level) => level.file.length));
  const header = `${"file".padEnd(fileWidth)}  grade  words  sentences  status`;
  const rows = readingLevels.map((level) =>
    [
      level.file.padEnd(fileWidth),
      (level.grade?.toFixed(1) ?? "-").padStart(5),
      String(level.words).padStart(5),
      String(level.sentences.length).padStart(9),
      readingLevelStatus(level, readingLevelLimits),
    ].join("  "),
  );
  return [
    `Reading level (Flesch-Kincaid grade): aim for ${readingLevelLimits.warnAbove} or below; above ${readingLevelLimits.errorAbove} is an error.`,
    header,
    ...rows,
  ].join("\n");
}

export function formatContentCheckReport(report: ContentCheckReport): string {
  const errors = report.problems.filter((problem) => problem.severity === "error").length;
  const warnings = report.problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const summary =
    errors > 0
      ? `${plural(errors, "error")} and ${plural(warnings, "warning")}: fix the errors before publishing.`
      : `No errors${warnings > 0 ? ` (${plural(warnings, "warning")} to look at)` : ""}: the content is ready to publish.`;
  return [formatReadingLevelTable(report), "", ...report.problems.map(formatContentProblem), ...(report.problems.length ? [""] : []), summary].join("\n");
}
