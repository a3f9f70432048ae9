/**
 * The Chromium the browser tests and Lighthouse drive. Playwright cannot download its own browser on these
 * machines, so Debian's /usr/bin/chromium is used; CHROMIUM_PATH overrides it, and without either, Playwright
 * falls back to its own browser. The flags keep a headless, offline Chromium from reaching for Google's hosts.
 */
import fs from "node:fs";

export const chromiumPath: string | undefined =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
