import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// .ci/run sets this to collect machine-readable results for its closing summary line.
const resultsDir = process.env.DUBAN_TEST_RESULTS;

export default defineConfig({
  resolve: {
    alias: [
      // The real module throws outside React Server contexts; tests are trusted server code.
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/empty.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**", ".next/**", ".next-e2e*/**", ".data/**"],
    globalSetup: ["tests/setup/global.ts"],
    pool: "forks",
    // One in-memory PGlite per file takes ~2 s to create and migrate; files run in parallel.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: resultsDir ? ["default", "json"] : ["default"],
    outputFile: resultsDir ? { json: path.join(resultsDir, "unit.json") } : undefined,
  },
});
