import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect } from "vitest";
import type { z } from "zod";
import { contractSchemas, rawContractSchemas, type CommandName } from "@/lib/contract";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { deriveTokens } from "@/server/simulator/tokens";

// bkci runs as a child process against a seeded simulator on a free port, started once per test file with
// no background activity and no rate limits: each file gets its own world to change. It runs as the bundle
// `npm run build:cli` makes, built per file into a temporary directory, which starts in a fraction of the
// time the source through tsx takes; bundle.test.ts runs bin/bkci.mjs (the source) as `npx bkci` does.

const root = new URL("../../../", import.meta.url);
/** The launcher `npx bkci` runs in a checkout. */
export const launcher = new URL("bin/bkci.mjs", root).pathname;
const SEED = 42;
let bundle: string | undefined;

export interface BkciRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON; every command prints exactly one object there. */
  json: Record<string, unknown>;
}

export interface World {
  sim: RunningSimulator;
  /** A fresh $XDG_CONFIG_HOME (and $HOME) per file. */
  home: string;
  readOnlyToken: string;
}

/** Bundles bkci once for the file, outside the checkout, so a test run leaves no dist/ behind. */
async function buildBundle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bkci-bundle-"));
  await promisify(execFile)(process.execPath, ["scripts/build-cli.mjs", join(dir, "bkci.mjs")], {
    cwd: root.pathname,
  });
  return dir;
}

export function bkciWorld(): World {
  const world = {} as World;
  beforeAll(async () => {
    const [sim, home, built] = await Promise.all([
      startSimulator({ seed: SEED, activity: false, rateLimits: false }),
      mkdtemp(join(tmpdir(), "bkci-home-")),
      buildBundle(),
    ]);
    bundle = join(built, "bkci.mjs");
    Object.assign(world, { sim, home, readOnlyToken: deriveTokens(SEED).apiReadOnly });
  }, 60_000);
  afterAll(async () => {
    await world.sim?.close();
    if (world.home) await rm(world.home, { recursive: true, force: true });
    if (bundle) await rm(dirname(bundle), { recursive: true, force: true });
  });
  return world;
}

/** The environment a user would set: nothing inherited except PATH, so no real token can leak in. */
export function simEnv(world: World, overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: world.home,
    XDG_CONFIG_HOME: world.home,
    BUILDKITE_REST_API_URL: world.sim.restApiUrl,
    BUILDKITE_API_TOKEN: world.sim.apiToken,
    BUILDKITE_AGENT_API_URL: world.sim.agentApiUrl,
    BUILDKITE_CLUSTER_TOKEN: world.sim.clusterToken,
    ...overrides,
  };
  return { NODE_ENV: "test", ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) };
}

export function runBkci(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { stdin?: string; cwd?: string; script?: string } = {},
): Promise<BkciRun> {
  return new Promise((resolve, reject) => {
    const script = options.script ?? bundle;
    if (script === undefined) throw new Error("runBkci needs bkciWorld() (its beforeAll builds the bundle)");
    const child = spawn(process.execPath, [script, ...args], {
      env,
      cwd: options.cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(stdout) as Record<string, unknown>;
      } catch {
        // Left empty: the assertions on `json` then say what was wrong, with stdout beside them.
      }
      resolve({ exitCode, stdout, stderr, json });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

/** Checks the run's envelope against its command's contract schema and returns it typed. */
export function expectContract<Name extends CommandName>(run: BkciRun, command: Name, raw = false) {
  const schemas: Partial<Record<CommandName, z.ZodType>> = raw ? rawContractSchemas : contractSchemas;
  const schema = schemas[command];
  if (schema === undefined) throw new Error(`${command} has no ${raw ? "raw " : ""}schema`);
  const parsed = schema.safeParse(run.json);
  expect(parsed.error?.issues ?? [], run.stdout || run.stderr).toEqual([]);
  expect(run.stdout.trim().startsWith("{") && run.stdout.trim().endsWith("}")).toBe(true);
  return run.json as {
    ok: boolean;
    request: Record<string, unknown>;
    summary: Record<string, unknown>;
    pagination: Record<string, unknown> | null;
    data: never;
    error: {
      type: string;
      message: string;
      httpStatus: number | null;
      retryable: boolean;
      details: Record<string, unknown>;
      requestId: string;
      code: string;
    } | null;
  };
}

async function simJson(world: World, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${world.sim.origin}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

/** Every request the simulator has answered, summed over routes. */
export async function requestCount(world: World): Promise<number> {
  const stats = (await simJson(world, "GET", "/__sim/stats")) as { requests: Record<string, number> };
  return Object.values(stats.requests).reduce((total, count) => total + count, 0);
}

export async function requestsTo(world: World, route: string): Promise<number> {
  const stats = (await simJson(world, "GET", "/__sim/stats")) as { requests: Record<string, number> };
  return stats.requests[route] ?? 0;
}

export function armFault(
  world: World,
  spec: {
    method?: string;
    path: string;
    status?: number;
    count?: number;
    retryAfter?: number;
    mode?: "reset" | "malformed";
  },
): Promise<unknown> {
  return simJson(world, "POST", "/__sim/faults", spec);
}

export function clearFaults(world: World): Promise<unknown> {
  return fetch(`${world.sim.origin}/__sim/faults`, { method: "DELETE" });
}

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
}
interface ArtifactFixture extends JobFixture {
  artifactId: string;
  path: string;
  bytes: number;
  sha1: string;
}
export interface Fixtures {
  failedJob: JobFixture;
  passedJob: JobFixture;
  manualJob: JobFixture;
  colourLog: JobFixture & { bytes: number };
  smallArtifact: ArtifactFixture;
  imageArtifact: ArtifactFixture;
  junitArtifact: ArtifactFixture;
  annotatedBuild: { pipeline: string; buildNumber: number };
  passedBuild: { pipeline: string; buildNumber: number };
}

/** The flags naming a fixture's build, or its job. */
export const buildFlags = (ref: { pipeline: string; buildNumber: number }) => [
  "--org",
  "acme",
  "--pipeline",
  ref.pipeline,
  "--build-number",
  String(ref.buildNumber),
];
export const jobFlags = (ref: JobFixture) => [...buildFlags(ref), "--job-id", ref.jobId];

export const fixtures = (world: World) => simJson(world, "GET", "/__sim/fixtures") as Promise<Fixtures>;
