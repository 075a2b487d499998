import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium, missingChromiumMessage, type ChromiumProbe } from "@/tests/support/chromium";

// The check `npm test` runs first, with the browser hidden from it rather than uninstalled.

const PLAYWRIGHT_OWN = "/cache/ms-playwright/chromium/chrome";

function probe(overrides: Partial<ChromiumProbe> & { running?: string[] } = {}): ChromiumProbe {
  const running = new Set(overrides.running ?? []);
  return {
    env: { PATH: "/usr/local/bin:/usr/bin" },
    playwrightExecutable: () => PLAYWRIGHT_OWN,
    runs: (path) => running.has(path),
    isRoot: false,
    hasApt: false,
    ...overrides,
  };
}

describe("finding a Chromium for the end-to-end tests", () => {
  it("prefers Debian's Chromium, then one on PATH, then Playwright's own", () => {
    expect(findChromium(probe({ running: ["/usr/bin/chromium", PLAYWRIGHT_OWN] }))).toEqual({
      source: "system",
      path: "/usr/bin/chromium",
    });
    expect(findChromium(probe({ running: ["/usr/local/bin/chromium", PLAYWRIGHT_OWN] }))).toEqual({
      source: "system",
      path: "/usr/local/bin/chromium",
    });
    expect(findChromium(probe({ running: [PLAYWRIGHT_OWN] }))).toEqual({ source: "playwright", path: PLAYWRIGHT_OWN });
  });

  it("uses only CHROMIUM_PATH when it is set, even if another browser would run", () => {
    const chosen = probe({
      env: { CHROMIUM_PATH: "/opt/chromium/chrome" },
      running: ["/usr/bin/chromium", "/opt/chromium/chrome"],
    });
    expect(findChromium(chosen)).toEqual({ source: "system", path: "/opt/chromium/chrome" });
    const broken = probe({ env: { CHROMIUM_PATH: "/opt/missing" }, running: ["/usr/bin/chromium"] });
    expect(findChromium(broken)).toBeNull();
    expect(missingChromiumMessage(broken)).toBe(
      "CHROMIUM_PATH=/opt/missing is not a Chromium that runs; point it at one (e.g. /usr/bin/chromium) or unset it.",
    );
  });

  it("with no browser at all, says in one line what is missing and the command that fixes it here", () => {
    const rootWithApt = probe({ isRoot: true, hasApt: true });
    expect(findChromium(rootWithApt)).toBeNull();
    expect(missingChromiumMessage(rootWithApt)).toBe(
      "No Chromium for the end-to-end tests (neither /usr/bin/chromium nor Playwright's own browser); fix: apt-get update && apt-get install -y chromium",
    );
    expect(missingChromiumMessage(probe({ isRoot: false, hasApt: true }))).toMatch(
      /; fix: npx playwright install chromium$/,
    );
    expect(missingChromiumMessage(probe({ isRoot: true, hasApt: false }))).toMatch(
      /; fix: npx playwright install chromium$/,
    );
  });
});

describe("npm test's first step (scripts/ensure-chromium.ts)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ensure-chromium-"));
  const script = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const run = (chromiumPath: string) =>
    spawnSync(join("node_modules", ".bin", "tsx"), ["scripts/ensure-chromium.ts"], {
      encoding: "utf8",
      env: { ...process.env, CHROMIUM_PATH: chromiumPath },
      timeout: 60_000,
    });

  it("stops with exactly one line on stderr when the browser is hidden, installing nothing", () => {
    const result = run(join(dir, "hidden", "chromium"));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      `CHROMIUM_PATH=${join(dir, "hidden", "chromium")} is not a Chromium that runs; point it at one (e.g. /usr/bin/chromium) or unset it.`,
    ]);
  });

  it("refuses a browser that is there but does not run", () => {
    expect(run(script("broken-chromium", "exit 127")).status).toBe(1);
  });

  it("passes quietly when the browser answers", () => {
    const result = run(script("chromium", 'echo "Chromium 1.0"'));
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe("");
  });
});
