/**
 * Completes the deployable server after `next build`: .next/standalone holds the server and the files it reads,
 * but by Next's design not the files a CDN would usually serve (public/ and .next/static). Copying them in makes
 * the folder run on its own, and serve.js (written here) is the command to run it with: `node serve.js`.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");
if (!fs.existsSync(path.join(standalone, "server.js"))) {
  console.error('.next/standalone/server.js is missing: next.config.ts must keep `output: "standalone"`, and `next build` must run first.');
  process.exit(1);
}
for (const folder of ["public", path.join(".next", "static")]) {
  fs.rmSync(path.join(standalone, folder), { recursive: true, force: true });
  fs.cpSync(path.join(root, folder), path.join(standalone, folder), { recursive: true });
}

// Next writes to standard output before the app's own code runs (lib/log.ts guards the streams from then on).
// Were the log's disk full at that moment, the write's error would kill the server at start; Next's server.js
// is generated anew by each build, so the guard comes first in a file of our own, which also lets the release
// supervisor (lib/releases/supervisor.ts) switch releases without a failed request.
fs.copyFileSync(path.join(root, "lib", "releases", "serve.cjs"), path.join(standalone, "serve.js"));
