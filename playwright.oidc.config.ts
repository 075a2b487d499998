import { defineConfig } from "@playwright/test";
import { E2E_PORT, e2eConfig } from "./tests/support/playwright-base";

// OpenID Connect sign-in end to end, kept apart from the demo suite: a production build running live
// against a standalone simulator, signing people in through a real OpenID provider on loopback.
// Run: E2E_PORT=<port> npx playwright test -c playwright.oidc.config.ts (or npm run test:e2e:oidc)

export default defineConfig({
  ...e2eConfig("tests/e2e-oidc", "chromium-oidc"),
  webServer: {
    // Reuses the build the demo suite just made when the sources are unchanged (the sign-in mode is read
    // at run time, not built in).
    command: "npx tsx scripts/production-build.ts && npx tsx tests/e2e-oidc/serve.ts",
    // Signed out, the API answers 401: the console is up.
    url: `http://127.0.0.1:${E2E_PORT}/auth/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
