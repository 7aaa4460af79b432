import { SIM_KEYS, SIM_SCENARIOS } from "../../sim/scenarios";

// Overridable so several checkouts on one machine can run their suites at the same time.
const appPort = Number(process.env.E2E_APP_PORT ?? 3110);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4110);
const simUrl = `http://127.0.0.1:${simPort}`;

// One place for what the end-to-end run is wired to: app, simulator, admin, scenario ids.
export const E2E = {
  appPort,
  simPort,
  appUrl: `http://127.0.0.1:${appPort}`,
  simUrl,
  admin: { email: "admin@e2e.test", password: "e2e-password-1" },
  storageState: "test-results/.auth/admin.json",
  metricsToken: "e2e-metrics-token-0123456789",
  ids: SIM_SCENARIOS,
  keys: SIM_KEYS,
  providerEnv: {
    MIGMA_API_URL: simUrl,
    MINDO_API_URL: simUrl,
    BOLNA_API_URL: simUrl,
    SENDGRID_API_URL: simUrl,
    MIGMA_API_KEY: SIM_KEYS.migma,
    MINDO_API_KEY: SIM_KEYS.mindo,
    BOLNA_API_KEY: SIM_KEYS.bolna,
    SENDGRID_API_KEY: SIM_KEYS.sendgrid,
    // The simulator is not rate limited; generous budgets keep one test from waiting on another's calls.
    MIGMA_BUDGET_PER_MINUTE: "300",
    MINDO_BUDGET_PER_MINUTE: "300",
    BOLNA_BUDGET_PER_MINUTE: "600",
    SENDGRID_BUDGET_PER_MINUTE: "600",
  },
} as const;
