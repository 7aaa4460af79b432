import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/settings";

// Workers re-read this file: the run id set here once is inherited, so all share one data dir.
process.env.E2E_RUN_ID ??= String(Date.now());
const dataDir = path.join(os.tmpdir(), `sendboard-e2e-${process.env.E2E_RUN_ID}`);

// Debian's chromium where CHROMIUM_PATH says so (no browser download here); Playwright's own elsewhere.
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: E2E.storageState },
      dependencies: ["setup"],
    },
  ],
  webServer: [
    {
      command: "npx tsx sim/main.ts",
      url: `${E2E.simUrl}/__sim/stats`,
      // The simulator's running batches last 20 minutes, not its default 10: the suite reads them as
      // running until its end, and on a slow machine it takes longer than ten.
      env: { SIM_PORT: String(E2E.simPort), SIM_SLOW_MS: "6000", SIM_DURATION_S: "1200" },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${E2E.appPort}`,
      url: `${E2E.appUrl}/api/auth/csrf`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        APP_URL: E2E.appUrl,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        ADMIN_EMAIL: E2E.admin.email,
        ADMIN_PASSWORD: E2E.admin.password,
        ENCRYPTION_KEY: "e2e0".repeat(16),
        DATA_DIR: dataDir,
        UPSTREAM_TIMEOUT_MS: "2500",
        METRICS_TOKEN: E2E.metricsToken,
        ...E2E.providerEnv,
      },
    },
  ],
});
