import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * Browser tests run against the production build (`next start`), in Debian's Chromium where Playwright cannot
 * download its own browser. CHROMIUM_PATH overrides the path; without either, Playwright's own browser is used.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);

// One folder per run for the server's database and its log; workers inherit the variable, so all agree.
process.env.E2E_RUN_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "mocek-e2e-"));
export const e2eRunDir = process.env.E2E_RUN_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "phone-390",
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      // Checks that do not depend on the screen (what crawlers read, response headers) run once, on desktop.
      testIgnore: /(seo|security|budget)\.spec\.ts$/,
    },
    { name: "desktop-1280", use: { viewport: { width: 1280, height: 900 } }, testIgnore: /phone\.spec\.ts$/ },
  ],
  webServer: {
    // The server's output goes to a file so tests can prove no patient detail is ever logged.
    command: `exec npx next start --port ${port} > "${path.join(e2eRunDir, "server.log")}" 2>&1`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: path.join(e2eRunDir, "data"),
      // Every test submits from 127.0.0.1; the limit itself is tested below the browser.
      RATE_LIMIT_MAX: "10000",
    },
  },
});
