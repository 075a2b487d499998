import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium } from "@playwright/test";

// Which Chromium the end-to-end tests and browser benchmarks drive, found once in one place: the check
// that `npm test` runs first, the Playwright configs and the benchmarks all ask here, so none of them can
// start a nine-minute run that then fails every test on a missing browser.

/** Started so it reaches for nothing off the machine (no sandbox: CI runs as root). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  /** Where Playwright keeps its own Chromium, whether or not it is installed there. */
  playwrightExecutable(): string;
  /** Whether the file at `path` is an executable that answers `--version`. */
  runs(path: string): boolean;
  isRoot: boolean;
  hasApt: boolean;
}

export type Chromium =
  | { source: "system"; path: string }
  /** Playwright's own browser: Playwright finds it itself, so no executable path is passed. */
  | { source: "playwright"; path: string };

function onPath(env: ChromiumProbe["env"], name: string): string[] {
  return (env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
}

/** `CHROMIUM_PATH` when set (and then only it), else Debian's Chromium or one on PATH, else Playwright's. */
export function findChromium(probe: ChromiumProbe): Chromium | null {
  const chosen = probe.env.CHROMIUM_PATH?.trim();
  if (chosen) return probe.runs(chosen) ? { source: "system", path: chosen } : null;
  const system = [DEBIAN_CHROMIUM, ...onPath(probe.env, "chromium")].find((path) => probe.runs(path));
  if (system) return { source: "system", path: system };
  const own = probe.playwrightExecutable();
  return probe.runs(own) ? { source: "playwright", path: own } : null;
}

/** The command that gets a Chromium here: Debian's package as root with apt, else Playwright's download. */
export function installCommand(probe: ChromiumProbe): string {
  return probe.isRoot && probe.hasApt
    ? "apt-get update && apt-get install -y chromium"
    : "npx playwright install chromium";
}

/** The one line a run without a browser stops with. */
export function missingChromiumMessage(probe: ChromiumProbe): string {
  const chosen = probe.env.CHROMIUM_PATH?.trim();
  if (chosen)
    return `CHROMIUM_PATH=${chosen} is not a Chromium that runs; point it at one (e.g. ${DEBIAN_CHROMIUM}) or unset it.`;
  return `No Chromium for the end-to-end tests (neither ${DEBIAN_CHROMIUM} nor Playwright's own browser); fix: ${installCommand(probe)}`;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function machineProbe(env: Record<string, string | undefined> = process.env): ChromiumProbe {
  return {
    env,
    playwrightExecutable: () => chromium.executablePath(),
    runs: (path) =>
      isExecutable(path) &&
      spawnSync(path, ["--version"], { stdio: "ignore", timeout: 15_000, env: { ...process.env, ...env } }).status ===
        0,
    isRoot: process.getuid?.() === 0,
    hasApt: onPath(env, "apt-get").some(isExecutable),
  };
}

/**
 * The launch options for the browser found here; with none, the run stops with the one line that says
 * what to do (the check `npm test` runs first has already tried to install one).
 */
export function chromiumLaunchOptions(probe: ChromiumProbe = machineProbe()): {
  executablePath?: string;
  args: string[];
} {
  const found = findChromium(probe);
  if (!found) {
    console.error(missingChromiumMessage(probe));
    process.exit(1);
  }
  return { executablePath: found.source === "system" ? found.path : undefined, args: CHROMIUM_ARGS };
}
