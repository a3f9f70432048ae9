/**
 * `npm run launch:check`: lists, one line each with where to add it, every fact and setting still missing before
 * the site goes live (lib/launch/check.ts). Run it with the server's settings in the environment (docs/deploy.md).
 * Exits 1 while anything is missing, 0 with "Ready to launch".
 */
import path from "node:path";
import { checkContent } from "../lib/content/check";
import { readContentCheckInput } from "../lib/content/check/read-folders";
import { CONTENT_DIR } from "../lib/content/pages";
import { findMissingForLaunch, formatLaunchReport } from "../lib/launch/check";

async function main() {
  const input = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
  const report = await checkContent(input);
  const contentCheckErrors = report.problems.filter((problem) => problem.severity === "error").length;
  const missing = findMissingForLaunch({ files: input.files, publicFiles: input.publicFiles, env: process.env, contentCheckErrors });
  console.log(formatLaunchReport(missing));
  process.exitCode = missing.length > 0 ? 1 : 0;
}

// The script runs as CommonJS (no "type": "module" in package.json), where top-level await is not allowed.
void main();
