import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// OpenID Connect sign-in end to end, kept apart from the demo suite: a production build running live
// against a standalone simulator, signing people in through a real OpenID provider on loopback.
// Run: E2E_PORT=<port> npx playwright test -c playwright.oidc.config.ts (or npm run test:e2e:oidc)
const PORT = Number(process.env.E2E_PORT ?? 3100);
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e-oidc",
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
      name: "chromium-oidc",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(systemChromium) ? systemChromium : undefined,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    // E2E_SKIP_BUILD=1 reuses the build the demo suite just made (the sign-in mode is read at run time).
    command: `${process.env.E2E_SKIP_BUILD === "1" ? "" : "npx next build && "}npx tsx tests/e2e-oidc/serve.ts`,
    // Signed out, the API answers 401: the console is up.
    url: `http://127.0.0.1:${PORT}/auth/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
