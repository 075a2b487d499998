import { spawnSync } from "node:child_process";
import { findChromium, installCommand, machineProbe, missingChromiumMessage } from "../tests/support/chromium";

// `npm test` runs this before anything else: with no Chromium that runs, it gets one (Debian's package as
// root, else Playwright's download) or stops here with one line, instead of building the console and
// failing every end-to-end test minutes later. CHROMIUM_PATH names the browser to use; it is never
// replaced by an installed one.

const probe = machineProbe();
if (!findChromium(probe)) {
  if (!probe.env.CHROMIUM_PATH?.trim()) {
    const command = installCommand(probe);
    console.log(`--- no Chromium for the end-to-end tests; getting one: ${command}`);
    spawnSync("sh", ["-c", command], { stdio: "inherit" });
  }
  if (!findChromium(probe)) {
    console.error(missingChromiumMessage(probe));
    process.exit(1);
  }
}
