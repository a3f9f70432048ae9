/**
 * Validates the HTML of every prerendered page in the production build (.next/server/app/*.html) with
 * html-validate. Run after `next build`; exits non-zero with file, line and rule for each problem.
 * Style-only rules that React's output cannot follow (self-closing void elements, camelCase attribute names,
 * inline styles, ids from useId, the empty action of a Server Action form) are relaxed in .htmlvalidate.json;
 * every rule about structure, nesting, attributes and accessibility stays on.
 */
import fs from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from "html-validate";

const APP_DIR = path.join(".next", "server", "app");

function builtPages(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return builtPages(full);
    // _global-error.html is Next's own last-resort page, shown only when the root layout itself fails.
    return entry.name.endsWith(".html") && entry.name !== "_global-error.html" ? [full] : [];
  });
}

async function main() {
  if (!fs.existsSync(APP_DIR)) throw new Error("No production build found: run `npm run build` first.");
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const pages = builtPages(APP_DIR);
  const reports = await Promise.all(pages.map((file) => validator.validateFile(file)));
  const invalid = reports.filter((report) => !report.valid);
  if (invalid.length > 0) {
    const stylish = formatterFactory("stylish");
    console.error(stylish(invalid.flatMap((report) => report.results)));
    process.exitCode = 1;
  }
  console.log(`HTML validation: ${pages.length - invalid.length} of ${pages.length} built pages valid.`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
