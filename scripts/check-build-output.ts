/**
 * Proves the deployable build carries nothing secret or unneeded: no trace (`.nft.json`, the list of files a
 * server needs) and nothing in `.next/standalone` may come from data/ (patients' requests and the generated key),
 * tests/, scripts/, .env files or .git.
 *
 *   tsx scripts/check-build-output.ts --plant   before `next build`: puts a database, a key and an .env file where
 *                                               a careless trace would pick them up (only where none exists)
 *   tsx scripts/check-build-output.ts           after it: checks, then removes what it planted
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const NEXT_DIR = path.join(ROOT, ".next");
const STANDALONE_DIR = path.join(NEXT_DIR, "standalone");
const PLANTED_MARKER = "planted by scripts/check-build-output.ts: must never reach the build output\n";
/** Where the server keeps its data by default, and an env file a deployer might leave beside the code. */
const PLANTED_FILES = ["data/db/appointments.sqlite", "data/keys/appointments.key", ".env.production.local"];

/** Why a project file must not ship, or undefined when it may. `file` is relative to the project. */
export function whyNotShipped(file: string): string | undefined {
  const [top = "", ...rest] = file.split(/[\\/]/);
  if (top === "node_modules" || top === ".next" || top === "..") return undefined;
  if (top === "data") return "patients' data or keys (data/)";
  if (top === "tests" || top === "scripts") return `not part of the server (${top}/)`;
  if (top === ".git") return "the repository (.git)";
  if ([top, ...rest].some((part) => part.startsWith(".env"))) return "an environment file (.env*)";
  return undefined;
}

function walk(dir: string, skip: (relative: string) => boolean, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const relative = path.relative(base, full);
    if (skip(relative)) return [];
    return entry.isDirectory() ? walk(full, skip, base) : [relative];
  });
}

function plant() {
  for (const file of PLANTED_FILES) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, PLANTED_MARKER);
  }
  console.log(`Planted ${PLANTED_FILES.join(", ")} (where absent) for the build-output check.`);
}

function removePlanted() {
  for (const file of PLANTED_FILES) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full) && fs.readFileSync(full, "utf8") === PLANTED_MARKER) fs.rmSync(full);
  }
}

function check(): number {
  if (!fs.existsSync(STANDALONE_DIR)) {
    console.error(".next/standalone is missing: run `npm run build` first (next.config.ts must keep output: \"standalone\").");
    return 1;
  }
  const problems: string[] = [];
  const traces = walk(NEXT_DIR, (relative) => relative === "standalone" || relative === "cache").filter((file) =>
    file.endsWith(".nft.json"),
  );
  for (const trace of traces) {
    const { files } = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, trace), "utf8")) as { files: string[] };
    for (const file of files) {
      const projectFile = path.relative(ROOT, path.resolve(path.dirname(path.join(NEXT_DIR, trace)), file));
      const why = whyNotShipped(projectFile);
      if (why) problems.push(`.next/${trace} lists ${projectFile}: ${why}`);
    }
  }
  const shipped = walk(STANDALONE_DIR, (relative) => relative === "node_modules");
  for (const file of shipped) {
    const why = whyNotShipped(file);
    if (why) problems.push(`.next/standalone/${file}: ${why}`);
  }
  if (problems.length > 0) {
    console.error(`The build output holds files it must not (${problems.length}):\n${problems.map((line) => `  - ${line}`).join("\n")}`);
    return 1;
  }
  console.log(`Build output clean: ${traces.length} traces and ${shipped.length} files in .next/standalone (node_modules aside) checked.`);
  return 0;
}

if (process.argv.includes("--plant")) {
  plant();
} else {
  try {
    process.exitCode = check();
  } finally {
    removePlanted();
  }
}
