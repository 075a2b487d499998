import { defineConfig } from "@playwright/test";
import { CANARY_API_TOKEN } from "./tests/e2e/canary";
import { SIMULATOR_PORT } from "./tests/e2e/demo-simulator";
import { E2E_DATA_DIR, E2E_PORT, e2eConfig } from "./tests/support/playwright-base";

// End-to-end tests drive a production build in demo mode. The demo's simulator is pinned to a port so the
// tests can pause queues and add jobs through its /__sim control surface.

export default defineConfig({
  ...e2eConfig("tests/e2e", "chromium"),
  webServer: {
    command: `npx tsx scripts/production-build.ts && npx next start --hostname 127.0.0.1 --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/api/v1/auth/status`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      BUILDKITE_CLUSTER_TOKEN: "",
      // Demo mode (empty cluster token) never uses it; the secret scan checks it reaches no client file.
      BUILDKITE_API_TOKEN: CANARY_API_TOKEN,
      DEMO_SIMULATOR_PORT: String(SIMULATOR_PORT),
      POLL_INTERVAL_MS: "1000",
      LOG_LEVEL: "warn",
      DATA_DIR: E2E_DATA_DIR,
    },
  },
});
