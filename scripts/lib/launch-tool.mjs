/**
 * How `npm run requests` and `npm run staff` start their tool: from source through tsx where the dev dependencies
 * are installed; otherwise (a production install with `npm ci --omit=dev`) the compiled copy that `npm run build`
 * puts in .next/standalone/<name>.mjs. A relative DATA_DIR is taken from the project folder, as `npm start` does.
 * `<NAME>_CLI=compiled` (REQUESTS_CLI, STAFF_CLI) runs the compiled copy even where tsx is installed.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..", "..");

function tsxCli() {
  try {
    return createRequire(import.meta.url).resolve("tsx/cli");
  } catch {
    return undefined;
  }
}

/** Runs scripts/<name>.ts (or its compiled copy) with this process's arguments and passes on its exit code. */
export async function launchTool(name) {
  process.env.DATA_DIR = path.resolve(root, process.env.DATA_DIR || "data");
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const compiled = path.join(root, ".next", "standalone", `${name}.mjs`);
  const tsx = process.env[`${name.toUpperCase()}_CLI`] === "compiled" ? undefined : tsxCli();
  if (tsx) {
    const { status, signal } = spawnSync(process.execPath, [tsx, path.join(root, "scripts", `${name}.ts`), ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
    });
    process.exitCode = status ?? (signal ? 1 : 0);
  } else if (fs.existsSync(compiled)) {
    await import(pathToFileURL(compiled).href);
  } else {
    console.error(`The ${name} tool is not built and tsx is not installed: run \`npm run build\` (it compiles .next/standalone/${name}.mjs).`);
    process.exit(1);
  }
}
