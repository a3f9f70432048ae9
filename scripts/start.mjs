/**
 * `npm start`: runs the built standalone server, the same artifact a deployment runs. Unlike the bare
 * `node .next/standalone/server.js`, it needs no settings: the database stays in ./data beside the project (a
 * relative DATA_DIR is taken from here, not from inside the build output, which each build replaces).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, ".next", "standalone", "server.js");
if (!fs.existsSync(server)) {
  console.error("There is no build to serve: run `npm run build` first (.next/standalone/server.js is missing).");
  process.exit(1);
}
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || path.join(root, "data"));
// The standalone server listens on HOSTNAME, which shells and containers set to the machine's name: listen on
// every interface unless HOST says otherwise, as `next start` does.
process.env.HOSTNAME = process.env.HOST || "0.0.0.0";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// From the first line Next prints: a log write that fails (a full disk, a closed pipe) must be dropped, not become
// an uncaught error. Once the app has loaded, lib/log.ts guards the same streams and counts what it drops.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
await import(pathToFileURL(server).href);
