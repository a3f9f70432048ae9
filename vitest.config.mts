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
    // A real PostgreSQL server for the store tests (a throwaway cluster, or TEST_DATABASE_URL).
    globalSetup: ["tests/support/postgres-global-setup.ts"],
  },
});
