/**
 * Validates the HTML of every prerendered page in the production build (every .html under .next/server: with
 * the build adapter, Next keeps pages in .next/server/route-cache/, the 404 and 500 pages in .next/server/pages/)
 * with html-validate. Run after `next build`; exits non-zero with file, line and rule for each problem.
 * Style-only rules that React's output cannot follow (self-closing void elements, camelCase attribute names,
 * inline styles, ids from useId, the empty action of a Server Action form) are relaxed in .htmlvalidate.json;
 * every rule about structure, nesting, attributes and accessibility stays on.
 */
import fs from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from "html-validate";

const SERVER_DIR = path.join(".next", "server");

function builtPages(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return builtPages(full);
    // _global-error.html (and its copy 500.html) is Next's own last-resort page, shown only when the root layout fails.
    return entry.name.endsWith(".html") && !["_global-error.html", "500.html"].includes(entry.name) ? [full] : [];
  });
}

async function main() {
  if (!fs.existsSync(SERVER_DIR)) throw new Error("No production build found: run `npm run build` first.");
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const pages = builtPages(SERVER_DIR);
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
