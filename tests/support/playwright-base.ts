import { tmpdir } from "node:os";
import { join } from "node:path";
import { devices, type PlaywrightTestConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

// What every Playwright suite of the console shares: one worker against one production build on `port`,
// and the Chromium tests/support/chromium.ts finds.

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The tested console's embedded store: its own, so a demo running from the same checkout is left alone. */
export const E2E_DATA_DIR = join(tmpdir(), `stack-console-e2e-${E2E_PORT}`);

export function e2eConfig(testDir: string, project: string): PlaywrightTestConfig {
  return {
    testDir,
    fullyParallel: false,
    workers: 1,
    forbidOnly: Boolean(process.env.CI),
    retries: 0,
    reporter: "list",
    timeout: 30_000,
    expect: { timeout: 10_000 },
    use: { baseURL: `http://127.0.0.1:${E2E_PORT}`, trace: "retain-on-failure" },
    projects: [
      {
        name: project,
        use: {
          ...devices["Desktop Chrome"],
          // Found (or the run stopped with one line saying how to get one) before the build starts.
          launchOptions: chromiumLaunchOptions(),
        },
      },
    ],
  };
}
