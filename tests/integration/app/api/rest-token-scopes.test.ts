import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveTokens } from "@/server/simulator/tokens";
import { startConsole, type TestConsole } from "../../../support/console";

// A console whose REST token can read but not write: auth.status says what it cannot do and why, and
// Buildkite's refusal of a retry reaches the operator as a permission error.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { BUILDKITE_API_TOKEN: deriveTokens(42).apiReadOnly } });
});
afterAll(() => c.close());

describe("a read-only REST token", () => {
  it("is reported with its missing capabilities", async () => {
    const { body } = await c.api("/api/v1/auth/status");
    expect(body.data.rest).toMatchObject({ configured: true, valid: true, missingScopes: [] });
    expect(body.data.rest.scopes).toContain("read_builds");
    expect(body.data.capabilities.jobsRetry).toEqual({
      requiredScopes: ["write_builds"],
      missingScopes: ["write_builds"],
      ready: false,
    });
    for (const name of ["jobsUnblock", "buildsCancel", "buildsRebuild"])
      expect(body.data.capabilities[name]).toMatchObject({ missingScopes: ["write_builds"], ready: false });
    expect(body.data.capabilities.pipelinesList.ready).toBe(true);
    expect(body.data.capabilities.pauseDispatch.ready).toBe(false);
    expect(body.summary).toMatchObject({
      requiredScopes: ["read_builds", "read_build_logs", "read_artifacts"],
      missingScopes: [],
    });
    expect(JSON.stringify(body)).not.toContain(deriveTokens(42).apiReadOnly);
  });

  it("cannot retry: Buildkite's 403 comes back as a permission error", async () => {
    const fixtures = await c.control<{ failedJob: { pipeline: string; buildNumber: number; jobId: string } }>(
      "fixtures",
    );
    const job = fixtures.failedJob;
    const { status, body } = await c.api(
      `/api/v1/pipelines/${job.pipeline}/builds/${job.buildNumber}/jobs/${job.jobId}/retry`,
      { method: "POST" },
    );
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", httpStatus: 403, details: { source: "buildkite" } });
    expect(body.error?.message).toMatch(/write_builds/);
  });
});

describe("agents with a token lacking read_agents", () => {
  it("are refused with a permission error naming the scope, and auth.status says agentsList is not ready", async () => {
    const { status, body } = await c.api("/api/v1/agents");
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", details: { source: "buildkite" } });
    expect(body.error?.message).toMatch(/read_agents/);
    const auth = await c.api("/api/v1/auth/status");
    expect(auth.body.data.capabilities.agentsList).toEqual({
      requiredScopes: ["read_agents"],
      missingScopes: ["read_agents"],
      ready: false,
    });
  });
});

describe("build writes with a read-only REST token", () => {
  it("are refused with the scope they need, after Buildkite says so", async () => {
    const fixtures = await c.control<{
      runningBuild: { pipeline: string; buildNumber: number };
      manualJob: { pipeline: string; buildNumber: number; jobId: string };
    }>("fixtures");
    const build = `/api/v1/pipelines/${fixtures.runningBuild.pipeline}/builds/${fixtures.runningBuild.buildNumber}`;
    const job = fixtures.manualJob;
    for (const path of [
      `${build}/cancel`,
      `${build}/rebuild`,
      `/api/v1/pipelines/${job.pipeline}/builds/${job.buildNumber}/jobs/${job.jobId}/unblock`,
    ]) {
      const { status, body } = await c.api(path, { method: "POST", body: {} });
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ type: "permission_error", httpStatus: 403 });
      expect(body.error?.message).toMatch(/write_builds/);
    }
  });
});

describe("a refusal Buildkite words its own way", () => {
  afterAll(() => c.control("faults", undefined, "DELETE"));

  it("is passed on naming the scope the read needs", async () => {
    await c.control("faults", { path: "/v2/organizations/*/pipelines", status: 403, count: 1 });
    const { status, body } = await c.api("/api/v1/pipelines");
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", httpStatus: 403, details: { source: "buildkite" } });
    expect(body.error?.message).toMatch(/read_pipelines/);
  });
});
