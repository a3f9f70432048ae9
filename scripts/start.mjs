/**
 * `npm start`: runs the built standalone server, the same artifact a deployment runs. Unlike the bare
 * `node .next/standalone/server.js`, it needs no settings: the database stays in ./data beside the project (a
 * relative DATA_DIR is taken from here, not from inside the build output, which each build replaces).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, ".next", "standalone", "serve.js");
if (!fs.existsSync(server)) {
  console.error("There is no build to serve: run `npm run build` first (.next/standalone/serve.js is missing).");
  process.exit(1);
}
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || path.join(root, "data"));
// The standalone server listens on HOSTNAME, which shells and containers set to the machine's name. This machine
// only, unless HOST says otherwise: the rate limits trust X-Forwarded-For, which only a proxy in front may write.
process.env.HOSTNAME = process.env.HOST || "127.0.0.1";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// Without SITE_URL, the address this server answers on: the staff inbox accepts posts only from SITE_URL's origin
// (lib/staff/same-origin.ts), so `PORT=3100 npm start` (the browser tests do this) works without more settings.
// A deployment sets SITE_URL to its public address; pages prerendered by the build keep the build's value.
process.env.SITE_URL ||= `http://localhost:${process.env.PORT || 3000}`;
await import(pathToFileURL(server).href);
