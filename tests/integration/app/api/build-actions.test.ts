import { afterEach, describe, expect, it } from "vitest";
import { contractSchemas, rawContractSchemas } from "@/lib/contract";
import { seededConsole, type ApiBody, type TestIdentity } from "../../../support/console";

// builds.cancel, builds.rebuild, jobs.unblock, jobs.env.get and pipelines.list over real HTTP:
// test → route → simulator.

interface BuildFixture {
  pipeline: string;
  buildNumber: number;
}
interface JobFixture extends BuildFixture {
  jobId: string;
}
interface Fixtures {
  runningBuild: BuildFixture;
  blockedBuild: BuildFixture;
  passedBuild: BuildFixture;
  annotatedBuild: BuildFixture;
  manualJob: JobFixture;
  passedJob: JobFixture;
}

const world = seededConsole<Fixtures>();
afterEach(() => world.console.control("faults", undefined, "DELETE"));

const buildPath = (build: BuildFixture) => `/api/v1/pipelines/${build.pipeline}/builds/${build.buildNumber}`;
const jobPath = (job: JobFixture) => `${buildPath(job)}/jobs/${job.jobId}`;
const post = (path: string, body: unknown = {}, as: TestIdentity = "operator") =>
  world.console.api(path, { method: "POST", body, as });
const BUILD = "/v2/organizations/:org/pipelines/:pipeline/builds/:number";

/** The answer as bkci's contract defines it: parsed by the command's own envelope schema. */
function expectContract(name: keyof typeof contractSchemas, body: ApiBody) {
  const parsed = contractSchemas[name].safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
}

async function auditRows(action: string, since: string) {
  const { body } = await world.console.api(`/api/v1/audit?action=${action}&from=${since}`);
  expect(body.ok).toBe(true);
  return body.data as Record<string, unknown>[];
}

describe("builds.cancel", () => {
  it("cancels a running build, answers its summary, echoes the contract's names and is audited", async () => {
    const since = new Date().toISOString();
    const build = world.fixtures.runningBuild;
    const { status, body } = await post(`${buildPath(build)}/cancel`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      command: "builds.cancel",
      request: { org: world.console.sim.org, pipeline: build.pipeline, buildNumber: build.buildNumber },
      summary: { canceled: true, buildNumber: build.buildNumber, state: "canceled" },
    });
    expect(body.data.build).toMatchObject({ number: build.buildNumber, state: "canceled" });
    expectContract("builds.cancel", body);
    // The build page reads the canceled build at once, not a cached running one.
    expect((await world.console.api(buildPath(build))).body.data.build.state).toBe("canceled");
    const [row] = await auditRows("builds.cancel", since);
    expect(row).toMatchObject({ action: "builds.cancel", operatorName: "Test operator", outcome: "ok" });
    expect(row?.request).toMatchObject({ pipeline: build.pipeline, buildNumber: build.buildNumber });
  });

  it("passes on Buildkite's 422 for a finished build as a validation error, audited as failed", async () => {
    const since = new Date().toISOString();
    const { status, body } = await post(`${buildPath(world.fixtures.annotatedBuild)}/cancel`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "validation_error", httpStatus: 422, details: { source: "buildkite" } });
    expect((await auditRows("builds.cancel", since))[0]).toMatchObject({ outcome: "failed", upstreamStatus: 422 });
  });

  it("refuses a bad build number by name, without asking Buildkite", async () => {
    const before = await world.console.upstreamCalls(`PUT ${BUILD}/cancel`);
    const { status, body } = await post(`/api/v1/pipelines/web/builds/0x10/cancel`);
    expect(status).toBe(400);
    expect(body.error?.type).toBe("validation_error");
    expect(body.error?.details.field).toBe("params.buildNumber");
    expect(await world.console.upstreamCalls(`PUT ${BUILD}/cancel`)).toBe(before);
  });
});

describe("builds.rebuild", () => {
  it("answers 201 with the new build", async () => {
    const build = world.fixtures.passedBuild;
    const since = new Date().toISOString();
    const { status, body } = await post(`${buildPath(build)}/rebuild`);
    expect(status).toBe(201);
    expect(body.command).toBe("builds.rebuild");
    expect(body.request).toMatchObject({ org: world.console.sim.org, buildNumber: build.buildNumber });
    expect(body.data.build.number).toBeGreaterThan(build.buildNumber);
    expect(body.data.build).toMatchObject({ state: "scheduled", pipeline: { slug: build.pipeline } });
    expect(body.summary).toMatchObject({ rebuilt: true, rebuiltFrom: build.buildNumber });
    expectContract("builds.rebuild", body);
    const fresh = await world.console.api(`/api/v1/pipelines/${build.pipeline}/builds/${body.data.build.number}`);
    expect(fresh.body.data.build.id).toBe(body.data.build.id);
    expect(await auditRows("builds.rebuild", since)).toHaveLength(1);
  });
});

describe("jobs.unblock", () => {
  it("unblocks a block step with its fields, answers the job and is audited under its job id", async () => {
    const since = new Date().toISOString();
    const job = world.fixtures.manualJob;
    const { status, body } = await post(`${jobPath(job)}/unblock`, { fields: { "release-name": "Pumpkin" } });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      command: "jobs.unblock",
      request: {
        org: world.console.sim.org,
        pipeline: job.pipeline,
        buildNumber: job.buildNumber,
        jobId: job.jobId,
        fields: { "release-name": "Pumpkin" },
      },
      summary: { unblocked: true, jobId: job.jobId, state: "unblocked", fields: 1 },
    });
    expect(body.data.job).toMatchObject({ id: job.jobId, type: "manual", state: "unblocked" });
    expectContract("jobs.unblock", body);
    const build = await world.console.api(buildPath(job));
    expect(build.body.data.build.blocked).toBe(false);
    const { body: audit } = await world.console.api(`/api/v1/audit?jobId=${job.jobId}&from=${since}`);
    expect(audit.data).toEqual([
      expect.objectContaining({ action: "jobs.unblock", jobIds: [job.jobId], outcome: "ok" }),
    ]);
  });

  it("names the bad field and never asks Buildkite", async () => {
    const job = world.fixtures.manualJob;
    const before = await world.console.upstreamCalls(`PUT ${BUILD}/jobs/:job/unblock`);
    const badKey = await post(`${jobPath(job)}/unblock`, { fields: { "has space": "x" } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error?.details.field).toMatch(/^body\.fields/);
    const badValue = await post(`${jobPath(job)}/unblock`, { fields: { release: 3 } });
    expect(badValue.body.error?.details.field).toBe("body.fields.release");
    const tooLong = await post(`${jobPath(job)}/unblock`, { fields: { release: "x".repeat(5000) } });
    expect(tooLong.body.error?.details.field).toBe("body.fields.release");
    const badId = await post(`${buildPath(job)}/jobs/not-a-uuid/unblock`, {});
    expect(badId.body.error?.details.field).toBe("params.jobId");
    expect(await world.console.upstreamCalls(`PUT ${BUILD}/jobs/:job/unblock`)).toBe(before);
  });

  it("passes on Buildkite's 400 for a job that is not a block step", async () => {
    const { status, body } = await post(`${jobPath(world.fixtures.passedJob)}/unblock`, {});
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      type: "validation_error",
      httpStatus: 400,
      message: "Only block steps can be unblocked",
    });
  });
});

describe("operators only", () => {
  it("refuses a viewer every write, before any call to Buildkite", async () => {
    const before = await world.console.upstreamTotal();
    for (const path of [
      `${buildPath(world.fixtures.runningBuild)}/cancel`,
      `${buildPath(world.fixtures.passedBuild)}/rebuild`,
      `${jobPath(world.fixtures.manualJob)}/unblock`,
    ]) {
      const { status, body } = await post(path, {}, "viewer");
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ type: "permission_error", code: "forbidden" });
    }
    expect(await world.console.upstreamTotal()).toBe(before);
  });
});

describe("jobs.env.get", () => {
  it("reads a job's env by its build, secret values hidden, echoing the contract's names", async () => {
    const job = world.fixtures.passedJob;
    const { status, body } = await world.console.api(`${jobPath(job)}/env`, { as: "viewer" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      command: "jobs.env.get",
      request: { org: world.console.sim.org, pipeline: job.pipeline, buildNumber: job.buildNumber, jobId: job.jobId },
      data: { jobId: job.jobId },
    });
    expect(body.data.env.BUILDKITE_JOB_ID).toBe(job.jobId);
    for (const name of body.summary.redactedEnv as string[]) expect(body.data.env[name]).toBe("[REDACTED]");
    expectContract("jobs.env.get", body);
    const raw = await world.console.api(`${jobPath(job)}/env?raw=1`);
    expect(rawContractSchemas["jobs.env.get"].safeParse(raw.body).error?.issues ?? []).toEqual([]);
  });

  it("reads the same env by job id alone, and hides secrets in raw mode too", async () => {
    const job = world.fixtures.passedJob;
    const byBuild = await world.console.api(`${jobPath(job)}/env`);
    const byId = await world.console.api(`/api/v1/jobs/${job.jobId}/env`);
    expect(byId.body).toMatchObject({
      ok: true,
      command: "jobs.env.lookup",
      request: { org: world.console.sim.org, jobId: job.jobId },
    });
    expect(byId.body.data).toEqual(byBuild.body.data);
    const raw = await world.console.api(`/api/v1/jobs/${job.jobId}/env?raw=1`);
    expect(raw.body.data.env).toEqual(byBuild.body.data.env);
  });

  it("says which scope a 403 from Buildkite needs", async () => {
    await world.console.control("faults", { path: "/v2/organizations/*/jobs/*/env", status: 403, count: 1 });
    const { status, body } = await world.console.api(`/api/v1/jobs/${world.fixtures.passedJob.jobId}/env`);
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", details: { source: "buildkite" } });
    expect(body.error?.message).toMatch(/read_job_env/);
  });
});

describe("pipelines.list", () => {
  it("lists the organization's pipelines for any signed-in role", async () => {
    const { status, body } = await world.console.api("/api/v1/pipelines", { as: "viewer" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ command: "pipelines.list", request: { org: world.console.sim.org } });
    const slugs = (body.data as { slug: string }[]).map((pipeline) => pipeline.slug);
    expect(slugs).toEqual(expect.arrayContaining(["web", "api", "docs"]));
    expect(body.data[0]).toEqual({
      slug: expect.any(String),
      name: expect.any(String),
      repository: expect.any(String),
      defaultBranch: expect.any(String),
      webUrl: expect.any(String),
    });
    expect(body.summary.count).toBe(slugs.length);
    expectContract("pipelines.list", body);
  });
});
