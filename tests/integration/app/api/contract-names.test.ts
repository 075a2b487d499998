import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { contractSchemas, rawContractSchemas, type CommandName } from "@/lib/contract";
import { seededConsole } from "../../../support/console";

// The API keeps the bkci contract's names: `request` echoes org, pipeline, buildNumber, jobId, maxBytes and
// tailLines whatever the URL calls them, and auth.status puts the token and its user where the contract does.

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
}
interface Fixtures {
  failedJob: JobFixture;
  colourLog: JobFixture;
  hostileAnnotation: { pipeline: string; buildNumber: number };
}

const world = seededConsole<Fixtures>();
const buildPath = (job: { pipeline: string; buildNumber: number }) =>
  `/api/v1/pipelines/${job.pipeline}/builds/${job.buildNumber}`;

describe("the contract's request names", () => {
  it("builds.get echoes org, pipeline and buildNumber", async () => {
    const job = world.fixtures.failedJob;
    const { status, body } = await world.console.api(buildPath(job));
    expect(status).toBe(200);
    expect(body.request).toEqual({ org: world.console.sim.org, pipeline: job.pipeline, buildNumber: job.buildNumber });
  });

  it("jobs.log.get echoes jobId, maxBytes and tailLines", async () => {
    const job = world.fixtures.colourLog;
    const { status, body } = await world.console.api(
      `${buildPath(job)}/jobs/${job.jobId}/log?maxBytes=250000&tailLines=400`,
    );
    expect(status).toBe(200);
    expect(body.request).toEqual({
      org: world.console.sim.org,
      pipeline: job.pipeline,
      buildNumber: job.buildNumber,
      jobId: job.jobId,
      maxBytes: 250000,
      tailLines: 400,
    });
  });

  it("artifacts.list echoes jobId as null for a whole build", async () => {
    const job = world.fixtures.failedJob;
    const { body } = await world.console.api(`${buildPath(job)}/artifacts`);
    expect(body.request).toMatchObject({ org: world.console.sim.org, buildNumber: job.buildNumber, jobId: null });
  });

  it("a failure echoes the names too, and a bad build number is named by them", async () => {
    const job = world.fixtures.failedJob;
    const missing = await world.console.api(`/api/v1/pipelines/${job.pipeline}/builds/999999/jobs/${job.jobId}/retry`, {
      body: {},
    });
    expect(missing.body.ok).toBe(false);
    expect(missing.body.request).toEqual({
      org: world.console.sim.org,
      pipeline: job.pipeline,
      buildNumber: 999999,
      jobId: job.jobId,
    });
    const bad = await world.console.api(`/api/v1/pipelines/${job.pipeline}/builds/x1/annotations`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ type: "validation_error", details: { field: "params.buildNumber" } });
  });
});

/** The body parses with the contract's schema for its command; a failure names each field it breaks. */
function expectContract(body: unknown, command: CommandName, raw = false) {
  const schemas: Partial<Record<CommandName, z.ZodType>> = raw ? rawContractSchemas : contractSchemas;
  const schema = schemas[command];
  if (!schema) throw new Error(`no ${raw ? "raw " : ""}contract schema for ${command}`);
  const parsed = schema.safeParse(body);
  const broken = parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
  expect(broken, `${command}${raw ? " (raw)" : ""}`).toEqual([]);
}

describe("every command the API shares with the contract answers in the contract's shape", () => {
  const reads = (): [CommandName, string][] => {
    const job = world.fixtures.failedJob;
    const annotated = world.fixtures.hostileAnnotation;
    return [
      ["auth.status", "/api/v1/auth/status"],
      ["builds.list", "/api/v1/builds?perPage=5"],
      ["builds.list", `/api/v1/builds?pipeline=${job.pipeline}&state=failed&branch=main`],
      ["builds.get", buildPath(job)],
      ["jobs.log.get", `${buildPath(job)}/jobs/${job.jobId}/log?tailLines=20`],
      ["jobs.log.get", `${buildPath(job)}/jobs/${job.jobId}/log`],
      ["artifacts.list", `${buildPath(job)}/artifacts`],
      ["artifacts.list", `${buildPath(job)}/artifacts?jobId=${job.jobId}`],
      ["annotations.list", `${buildPath(annotated)}/annotations`],
    ];
  };

  it("reads, as they are and with ?raw=1", async () => {
    for (const [command, path] of reads()) {
      const { status, body } = await world.console.api(path);
      expect(status, path).toBe(200);
      expect(body.command).toBe(command);
      expectContract(body, command);
      if (command in rawContractSchemas && command !== "jobs.log.get") {
        const raw = await world.console.api(`${path}${path.includes("?") ? "&" : "?"}raw=1`);
        expectContract(raw.body, command, true);
      }
    }
  });

  it("jobs.retry, and its failure", async () => {
    const job = world.fixtures.failedJob;
    const retried = await world.console.api(`${buildPath(job)}/jobs/${job.jobId}/retry`, { body: {} });
    expect(retried.body.ok).toBe(true);
    expectContract(retried.body, "jobs.retry");
    const again = await world.console.api(`${buildPath(job)}/jobs/${job.jobId}/retry`, { body: {} });
    expect(again.body.ok).toBe(false);
    expectContract(again.body, "jobs.retry");
  });

  it("a failed read", async () => {
    const { body } = await world.console.api(`/api/v1/pipelines/nope/builds/1`);
    expect(body.error).toMatchObject({ type: "not_found" });
    expectContract(body, "builds.get");
  });
});

describe("auth.status", () => {
  it("puts the REST token and its user in data.token and data.user", async () => {
    const { body } = await world.console.api("/api/v1/auth/status");
    const data = body.data as Record<string, unknown>;
    expect(data.token).toMatchObject({ uuid: expect.any(String), scopes: expect.arrayContaining(["read_builds"]) });
    expect(data.user).toMatchObject({ name: expect.any(String), email: expect.any(String) });
    expect(data.rest).not.toHaveProperty("token");
    expect(data.capabilities).toHaveProperty("jobsRetry");
  });
});
