/**
 * `npm run requests -- …`: the staff tool. From source through tsx where the dev dependencies are installed;
 * otherwise (a production install with `npm ci --omit=dev`) the compiled copy that `npm run build` puts in
 * .next/standalone/requests.mjs. A relative DATA_DIR is taken from the project folder, as `npm start` does.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
process.env.DATA_DIR = path.resolve(root, process.env.DATA_DIR || "data");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function tsxCli() {
  try {
    return createRequire(import.meta.url).resolve("tsx/cli");
  } catch {
    return undefined;
  }
}

const compiled = path.join(root, ".next", "standalone", "requests.mjs");
const tsx = process.env.REQUESTS_CLI === "compiled" ? undefined : tsxCli();
if (tsx) {
  const { status, signal } = spawnSync(process.execPath, [tsx, path.join(root, "scripts", "requests.ts"), ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
  });
  process.exitCode = status ?? (signal ? 1 : 0);
} else if (fs.existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  console.error("The staff tool is not built and tsx is not installed: run `npm run build` (it compiles .next/standalone/requests.mjs).");
  process.exit(1);
}
