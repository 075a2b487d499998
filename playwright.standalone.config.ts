import { defineConfig } from "@playwright/test";
import { E2E_PORT, e2eConfig } from "./tests/support/playwright-base";

// The container image's contents, run as the image runs them (tests/e2e-standalone/serve.ts). Reuses the
// production build the demo suite made, so it costs a copy and a start, not another build.
// Run: E2E_PORT=<port> npx playwright test -c playwright.standalone.config.ts (or npm run test:e2e:standalone)

export default defineConfig({
  ...e2eConfig("tests/e2e-standalone", "chromium-standalone"),
  webServer: {
    command: "npx tsx tests/e2e-standalone/serve.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // A signal it can handle, so it stops the server and removes the bundle it assembled.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
