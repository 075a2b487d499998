import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bkciWorld, expectContract, launcher, runBkci, simEnv } from "./bkci-harness";

const world = bkciWorld();
const root = new URL("../../../", import.meta.url).pathname;
let dir: string;

// The bundle must stand alone: copied where no node_modules can be found, plain node runs it.
beforeAll(async () => {
  const built = await mkdtemp(join(tmpdir(), "bkci-build-"));
  dir = await mkdtemp(join(tmpdir(), "bkci-bundle-"));
  await promisify(execFile)(process.execPath, ["scripts/build-cli.mjs", join(built, "bkci.mjs")], { cwd: root });
  await copyFile(join(built, "bkci.mjs"), join(dir, "bkci.mjs"));
  await rm(built, { recursive: true, force: true });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the bundled bkci", () => {
  it("prints its help with plain node", async () => {
    expect(await readdir(dir)).toEqual(["bkci.mjs"]);
    const run = await runBkci(["--help"], simEnv(world), { script: join(dir, "bkci.mjs"), cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("builds.list");
    expect(run.stdout).toContain("Exit status:");
  });

  it("runs auth.status against Buildkite", async () => {
    const run = await runBkci(["auth.status"], simEnv(world), { script: join(dir, "bkci.mjs"), cwd: dir });
    expect(expectContract(run, "auth.status").summary.ready).toBe(true);
    expect(run.exitCode).toBe(0);
  });
});

describe("npx bkci in a checkout", () => {
  it("runs the source through bin/bkci.mjs", async () => {
    const run = await runBkci(["auth.status"], simEnv(world), { script: launcher });
    expect(expectContract(run, "auth.status").summary.ready).toBe(true);
    expect(run.exitCode).toBe(0);
  });
});
