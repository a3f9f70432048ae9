import fs from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * Browser tests run against the production build (`next start`), in Debian's Chromium where Playwright cannot
 * download its own browser. CHROMIUM_PATH overrides the path; without either, Playwright's own browser is used.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);

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
    // seo.spec.ts checks what crawlers read, which is the same at every width: the desktop project runs it.
    {
      name: "phone-390",
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      testIgnore: /seo\.spec\.ts$/,
    },
    { name: "desktop-1280", use: { viewport: { width: 1280, height: 900 } }, testIgnore: /phone\.spec\.ts$/ },
  ],
  webServer: {
    command: `npx next start --port ${port}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
