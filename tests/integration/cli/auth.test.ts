import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bkciWorld, expectContract, runBkci, simEnv } from "./bkci-harness";
import { REST_SCOPES } from "@/server/simulator/tokens";

const world = bkciWorld();
const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe("auth.setup", () => {
  it("stores a --token 0600 in a 0700 directory, and never prints it", async () => {
    const home = join(world.home, "flag");
    const run = await runBkci(
      ["auth.setup", "--token", world.sim.apiToken, "--org", "acme"],
      simEnv(world, { XDG_CONFIG_HOME: home }),
    );
    const envelope = expectContract(run, "auth.setup");
    expect(run.exitCode).toBe(0);
    expect(envelope.request).toEqual({ tokenProvided: true });
    expect(envelope.summary).toEqual({ configured: true, source: "flag" });
    const path = join(home, "buildkite-cli", "auth.json");
    expect(envelope.data).toEqual({ path });
    expect(await mode(path)).toBe(0o600);
    expect(await mode(join(home, "buildkite-cli"))).toBe(0o700);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ token: world.sim.apiToken, org: "acme" });
    expect(run.stdout + run.stderr).not.toContain(world.sim.apiToken);
  });

  it("reads the token from stdin when stdin is not a terminal, and tightens a looser directory and file", async () => {
    const home = join(world.home, "stdin");
    const dir = join(home, "buildkite-cli");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "auth.json"), '{"token":"old"}');
    await chmod(dir, 0o755);
    await chmod(join(dir, "auth.json"), 0o644);
    const run = await runBkci(["auth.setup"], simEnv(world, { XDG_CONFIG_HOME: home }), {
      stdin: `${world.sim.apiToken}\n`,
    });
    const envelope = expectContract(run, "auth.setup");
    expect(envelope.request).toEqual({ tokenProvided: false });
    expect(envelope.summary).toEqual({ configured: true, source: "stdin" });
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, "auth.json"))).toBe(0o600);
    expect(run.stdout + run.stderr).not.toContain(world.sim.apiToken);
  });

  // A terminal needs a pseudo-terminal: util-linux's `script` gives bkci one, and the token is typed only
  // once the prompt shows, as a person would (typed earlier, the terminal would echo it before bkci hides it).
  it.skipIf(!existsSync("/usr/bin/script"))("prompts for the token on a terminal without echoing it", async () => {
    const home = join(world.home, "prompt");
    const child = spawn("/usr/bin/script", ["-qec", `${process.execPath} bin/bkci.mjs auth.setup`, "/dev/null"], {
      cwd: new URL("../../../", import.meta.url).pathname,
      env: simEnv(world, { XDG_CONFIG_HOME: home }),
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      output += text;
      if (output.includes("Buildkite API token:") && !output.includes("{")) child.stdin.end(`${world.sim.apiToken}\r`);
    });
    const [exitCode] = (await once(child, "close")) as [number];
    expect(exitCode).toBe(0);
    const envelope = JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)) as { summary: unknown };
    expect(envelope.summary).toEqual({ configured: true, source: "prompt" });
    expect(output).not.toContain(world.sim.apiToken);
    expect(JSON.parse(await readFile(join(home, "buildkite-cli", "auth.json"), "utf8"))).toEqual({
      token: world.sim.apiToken,
    });
  });

  it("refuses an empty token from stdin or --token as a validation error (exit 2)", async () => {
    const fromStdin = await runBkci(["auth.setup"], simEnv(world, { XDG_CONFIG_HOME: join(world.home, "empty") }), {
      stdin: "  \n",
    });
    expect(expectContract(fromStdin, "auth.setup").error?.type).toBe("validation_error");
    expect(fromStdin.exitCode).toBe(2);
    const fromFlag = await runBkci(["auth.setup", "--token", ""], simEnv(world));
    expect(expectContract(fromFlag, "auth.setup").error?.message).toContain("--token");
    expect(fromFlag.exitCode).toBe(2);
  });
});

describe("auth.status", () => {
  it("reports the token's scopes, user and capabilities", async () => {
    const run = await runBkci(["auth.status"], simEnv(world));
    const envelope = expectContract(run, "auth.status");
    expect(run.exitCode).toBe(0);
    expect(envelope.summary).toMatchObject({ ready: true, missingScopes: [], grantedScopes: REST_SCOPES.length });
    expect(envelope.data).toMatchObject({
      user: { name: "Demo Operator" },
      capabilities: { jobsRetry: { ready: true, missingScopes: [] } },
    });
  });

  it("says jobs.retry is not ready for a read-only token", async () => {
    const run = await runBkci(["auth.status"], simEnv(world, { BUILDKITE_API_TOKEN: world.readOnlyToken }));
    const envelope = expectContract(run, "auth.status");
    expect(envelope.data).toMatchObject({
      capabilities: { jobsRetry: { ready: false, missingScopes: ["write_builds"] } },
    });
    expect(envelope.summary.ready).toBe(true);
  });

  it("uses the stored token when the environment has none, and the environment's over the stored one", async () => {
    const home = join(world.home, "stored");
    await runBkci(["auth.setup", "--token", world.readOnlyToken], simEnv(world, { XDG_CONFIG_HOME: home }));
    const stored = await runBkci(
      ["auth.status"],
      simEnv(world, { XDG_CONFIG_HOME: home, BUILDKITE_API_TOKEN: undefined }),
    );
    expect(expectContract(stored, "auth.status").summary.grantedScopes).toBe(6);
    const overridden = await runBkci(["auth.status"], simEnv(world, { XDG_CONFIG_HOME: home }));
    expect(expectContract(overridden, "auth.status").summary.grantedScopes).toBe(REST_SCOPES.length);
  });

  it("answers auth_error (401) for a token Buildkite rejects, without echoing it", async () => {
    const run = await runBkci(["auth.status"], simEnv(world, { BUILDKITE_API_TOKEN: "bkua_not-a-real-token" }));
    const envelope = expectContract(run, "auth.status");
    expect(run.exitCode).toBe(1);
    expect(envelope.error).toMatchObject({ type: "auth_error", httpStatus: 401, retryable: false });
    expect(envelope.error?.requestId).toMatch(/\S/);
    expect(run.stdout).not.toContain("bkua_not-a-real-token");
    expect(run.stdout).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("answers auth_error for a broken auth file, unless the environment has the token", async () => {
    const home = join(world.home, "broken");
    await mkdir(join(home, "buildkite-cli"), { recursive: true });
    await writeFile(join(home, "buildkite-cli", "auth.json"), "not json", { mode: 0o600 });
    const fromFile = await runBkci(
      ["auth.status"],
      simEnv(world, { XDG_CONFIG_HOME: home, BUILDKITE_API_TOKEN: undefined }),
    );
    expect(expectContract(fromFile, "auth.status").error).toMatchObject({
      type: "auth_error",
      code: "auth_file_invalid",
    });
    const fromEnv = await runBkci(["auth.status"], simEnv(world, { XDG_CONFIG_HOME: home }));
    expect(expectContract(fromEnv, "auth.status").ok).toBe(true);
  });

  it("answers auth_error naming auth.setup when there is no token at all", async () => {
    const run = await runBkci(
      ["auth.status"],
      simEnv(world, { BUILDKITE_API_TOKEN: undefined, XDG_CONFIG_HOME: join(world.home, "none") }),
    );
    const envelope = expectContract(run, "auth.status");
    expect(envelope.error?.type).toBe("auth_error");
    expect(envelope.error?.message).toContain("bkci auth.setup");
    expect(run.exitCode).toBe(1);
  });
});
