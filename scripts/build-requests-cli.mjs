/**
 * Compiles the operators' tools (scripts/requests.ts and scripts/staff.ts) into the deployable folder as
 * `.next/standalone/requests.mjs` and `.next/standalone/staff.mjs`, so a server needs neither tsx nor TypeScript
 * (dev dependencies) to run them: `npm run build` does this after `next build`. Packages are bundled in, as Next
 * bundles them into the server's own chunks, all but the native better-sqlite3, which loads from the standalone
 * folder's node_modules, the copy the server uses. `node scripts/build-requests-cli.mjs DIR` writes them to DIR.
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const TOOLS = ["requests", "staff"];

const root = path.resolve(import.meta.dirname, "..");
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, ".next", "standalone");
if (!process.argv[2] && !fs.existsSync(outdir)) {
  console.error(".next/standalone is missing: run `next build` first (next.config.ts must keep output: \"standalone\").");
  process.exit(1);
}

// Runs before the tool: the tool reads its SQL migrations from the working folder, as the server does, so it
// works from its own folder; DATA_DIR must be absolute, as the standalone server requires.
// createRequire: bundled CommonJS packages (nodemailer) require Node's own modules.
const banner = (tool) => `import { createRequire as __cliCreateRequire } from "node:module";
import { fileURLToPath as __cliFileURLToPath } from "node:url";
const require = __cliCreateRequire(import.meta.url);
import __cliPath from "node:path";
if (!process.env.DATA_DIR || !__cliPath.isAbsolute(process.env.DATA_DIR)) {
  console.error("Set DATA_DIR to the absolute path the server uses (it is " + JSON.stringify(process.env.DATA_DIR ?? "") + "), e.g. DATA_DIR=/var/lib/mocek-spine node ${tool}.mjs ${tool === "staff" ? "list-users" : "list"}");
  process.exit(2);
}
process.chdir(__cliPath.dirname(__cliFileURLToPath(import.meta.url)));`;

for (const tool of TOOLS) {
  const outfile = path.join(outdir, `${tool}.mjs`);
  await build({
    entryPoints: [path.join(root, "scripts", `${tool}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["better-sqlite3"],
    tsconfig: path.join(root, "tsconfig.json"),
    banner: { js: banner(tool) },
    logLevel: "warning",
  });
  console.log(`Compiled the ${tool} tool to ${path.relative(root, outfile)}.`);
}
