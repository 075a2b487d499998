import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { ensureProductionBuild } from "../../scripts/production-build";
import { E2E_PORT } from "../support/playwright-base";
import { BUNDLE_DATA_DIR, BUNDLE_DIR, BUNDLE_ROOT } from "./bundle-dir";

// Runs the console the way its container image does: the bundle scripts/assemble-standalone.sh makes (the
// Dockerfile runs the same script), alone in an empty directory — no node_modules or sources beside it,
// so a file the build's trace missed fails here — started with `node server.js` and only the image's
// environment, in demo mode.

function main(): void {
  ensureProductionBuild();
  rmSync(BUNDLE_ROOT, { recursive: true, force: true });
  const assembled = spawnSync("bash", ["scripts/assemble-standalone.sh", BUNDLE_DIR], { stdio: "inherit" });
  if (assembled.status !== 0) throw new Error(`assemble-standalone.sh failed (exit ${assembled.status})`);

  const server = spawn(process.execPath, ["server.js"], {
    cwd: BUNDLE_DIR,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      PATH: process.env.PATH,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(E2E_PORT),
      DATA_DIR: BUNDLE_DATA_DIR,
      LOG_LEVEL: "warn",
    },
  });
  // Within Playwright's grace period (playwright.standalone.config.ts), so the bundle is removed below even
  // when the server is slow to close its connections and store.
  const stop = (): void => {
    server.kill("SIGTERM");
    setTimeout(() => server.kill("SIGKILL"), 5_000).unref();
  };
  // on, not once: the signal comes to the whole process group and again from tsx, and a second one must
  // not end this process before the server has stopped and the bundle is removed.
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.once("exit", (code) => {
    rmSync(BUNDLE_ROOT, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
