/**
 * `npm run content:check`: checks every file in content/ before publishing and prints every problem with its
 * file and line. Exits 1 when there is an error; warnings are printed but do not fail.
 */
import path from "node:path";
import { checkContent } from "../lib/content/check";
import { readContentCheckInput } from "../lib/content/check/read-folders";
import { formatContentCheckReport } from "../lib/content/check/report";
import { CONTENT_DIR } from "../lib/content/pages";

async function main() {
  const report = await checkContent(readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public")));
  console.log(formatContentCheckReport(report));
  process.exitCode = report.problems.some((problem) => problem.severity === "error") ? 1 : 0;
}

// The script runs as CommonJS (no "type": "module" in package.json), where top-level await is not allowed.
void main();
