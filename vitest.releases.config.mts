import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** `npm run test:releases`: the release path with real builds and servers (tests/releases), minutes long. */
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["tests/releases/**/*.test.ts"],
    // One file, its steps in order: each builds on the release the one before it made.
    fileParallelism: false,
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
