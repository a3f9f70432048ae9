import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath } from "./scripts/lib/chromium";
import { createContentRepository } from "./tests/e2e/support/content-repository";

/**
 * Browser tests run against the production build as it is deployed (the standalone server, through `npm start`'s
 * scripts/start.mjs), in the Chromium of scripts/lib/chromium.ts.
 */
const port = Number(process.env.E2E_PORT ?? 3100);

// One folder per run for the server's database and its log; workers inherit the variable, so all agree.
process.env.E2E_RUN_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "mocek-e2e-"));
export const e2eRunDir = process.env.E2E_RUN_DIR;
// The git repository the web editor publishes into: a throwaway copy of the site's content, made once per run.
process.env.E2E_CONTENT_REPOSITORY ??= createContentRepository(path.join(e2eRunDir, "content-repository"));

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
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    {
      name: "phone-390",
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      // Checks that do not depend on the screen (what crawlers read, response headers) run once, on desktop; so does
      // layout.spec.ts, which sets the tablet and desktop widths itself (phone.spec.ts measures the same at 390 px).
      testIgnore: /(seo|security|budget|faults|multi-server|staff-server|editor-server|layout)\.spec\.ts$/,
    },
    { name: "desktop-1280", use: { viewport: { width: 1280, height: 900 } }, testIgnore: /phone\.spec\.ts$/ },
  ],
  webServer: {
    // The server's output goes to a file so tests can prove no patient detail is ever logged.
    command: `exec node scripts/start.mjs > "${path.join(e2eRunDir, "server.log")}" 2>&1`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATA_DIR: path.join(e2eRunDir, "data"),
      // Every test submits from 127.0.0.1; the limits themselves are tested below the browser.
      RATE_LIMIT_MAX: "10000",
      RATE_LIMIT_GLOBAL_MAX: "10000",
      CONTENT_GIT_REPOSITORY: process.env.E2E_CONTENT_REPOSITORY,
    },
  },
});
