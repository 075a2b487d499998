import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CANARY_API_TOKEN } from "./tests/e2e/canary";
import { SIMULATOR_PORT } from "./tests/e2e/demo-simulator";

// End-to-end tests drive a production build in demo mode. The demo's simulator is pinned to a port so the
// tests can pause queues and add jobs through its /__sim control surface.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(systemChromium) ? systemChromium : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next build && npx next start --hostname 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/v1/auth/status`,
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
    },
  },
});
