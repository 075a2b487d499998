import { describe, expect, it } from "vitest";
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
