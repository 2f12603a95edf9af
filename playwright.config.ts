import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two runs (say, two worktrees) share a machine.
const PORT = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// .ci/run sets this to collect machine-readable results for its closing summary line.
const resultsDir = process.env.DUBAN_TEST_RESULTS;

/** Playwright cannot download browsers here: use Debian's chromium when present. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  // Per port, so parallel runs on one machine do not delete each other's traces.
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: resultsDir ? [["list"], ["json", { outputFile: path.join(resultsDir, "e2e.json") }]] : "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // e2e/auth.setup.ts signs each demo role in once and saves its storage state.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: browser },
    { name: "chromium", dependencies: ["setup"], use: browser },
  ],
  webServer: {
    // Serves the production build on a fresh database; see e2e/support/server.mjs.
    command: "node e2e/support/server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the launcher stop next and drop its database before Playwright kills the group.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
