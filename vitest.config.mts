import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    environment: "jsdom",
    globals: true,
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"],
    setupFiles: ["tests/unit/setup.ts"],
    // Waiting is for a condition, never for a time: a longer limit costs nothing when the condition comes, and
    // keeps a test that waits for a database or an effect green on a loaded 2-core machine (1 s, the default, was not).
    expect: { poll: { timeout: 10_000 } },
    // Limits, not waits: a test that hashes passwords or starts a database can take several seconds on a loaded
    // machine, and the 5 s default failed such tests only under load.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A real PostgreSQL server for the store tests (a throwaway cluster, or TEST_DATABASE_URL).
    globalSetup: ["tests/support/postgres-global-setup.ts"],
  },
});
