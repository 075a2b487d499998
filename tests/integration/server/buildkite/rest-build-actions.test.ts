import { beforeEach, describe, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import type { RestClientOptions } from "@/server/buildkite/rest";
import { quietSimulator, simulatorRestClient } from "./quiet-simulator";

// The REST client's build writes (create, cancel, rebuild, unblock) and the org-scoped job env against the
// simulator over real HTTP.

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
  annotatedBuild: BuildFixture;
  passedBuild: BuildFixture;
  manualJob: JobFixture;
  passedJob: JobFixture;
}

const world = quietSimulator();
let fixtures: Fixtures;
const sleeps: number[] = [];

async function control(path: string, body: unknown): Promise<void> {
  await fetch(`${world.sim.origin}/__sim/${path}`, { method: "POST", body: JSON.stringify(body) });
}

beforeEach(async () => {
  await control("reset", {});
  await fetch(`${world.sim.origin}/__sim/faults`, { method: "DELETE" });
  fixtures = (await (await fetch(`${world.sim.origin}/__sim/fixtures`)).json()) as Fixtures;
  sleeps.length = 0;
});

const client = (overrides: Partial<RestClientOptions> = {}) => simulatorRestClient(world, sleeps, overrides);
const readOnly = () => client({ token: world.sim.apiReadOnlyToken });
const buildRef = (build: BuildFixture) => ({ org: world.sim.org, pipeline: build.pipeline, build: build.buildNumber });
const jobRef = (job: JobFixture) => ({ ...buildRef(job), job: job.jobId });

async function rejection(promise: Promise<unknown>): Promise<BuildkiteError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildkiteError);
  return error as BuildkiteError;
}

describe("createBuild", () => {
  it("creates a scheduled build of the pipeline's steps, created by the token's user", async () => {
    const rest = client();
    const created = await rest.createBuild(world.sim.org, "api", {
      commit: "HEAD",
      branch: "main",
      message: "Deploy from the CLI",
      env: { DEPLOY_TARGET: "staging" },
      metaData: { "release-name": "Pumpkin" },
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      state: "scheduled",
      commit: "HEAD",
      branch: "main",
      message: "Deploy from the CLI",
      source: "api",
      creator: { name: "Demo Operator", email: "demo-operator@acme.example" },
      pipeline: { slug: "api" },
    });
    const jobs = created.data.jobs ?? [];
    expect(jobs.map((job) => job.name)).toEqual([":golang: go test", ":golang: go vet", ":postgres: Migrations check"]);
    expect(jobs.every((job) => job.state === "scheduled")).toBe(true);

    const read = await rest.getBuild({ org: world.sim.org, pipeline: "api", build: created.data.number });
    expect(read.data.id).toBe(created.data.id);
    const env = await rest.jobEnv({
      org: world.sim.org,
      pipeline: "api",
      build: created.data.number,
      job: jobs[0]?.id ?? "",
    });
    expect(env.data.DEPLOY_TARGET).toBe("staging");
  });

  it("gets Buildkite's 422 naming each blank field, and 403 without write_builds", async () => {
    const blank = await rejection(client().createBuild(world.sim.org, "api", { commit: "", branch: " " }));
    expect(blank.status).toBe(422);
    expect(blank.message).toMatch(/Validation Failed/);
    const denied = await rejection(readOnly().createBuild(world.sim.org, "api", { commit: "HEAD", branch: "main" }));
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/write_builds/);
    expect(
      (await rejection(client().createBuild(world.sim.org, "nope", { commit: "HEAD", branch: "main" }))).status,
    ).toBe(404);
  });

  it("is sent once: a 502 is reported, not resent, since the build may already exist", async () => {
    await control("faults", { method: "POST", path: "/v2/organizations/*/pipelines/*/builds", status: 502, count: 1 });
    const error = await rejection(client().createBuild(world.sim.org, "api", { commit: "HEAD", branch: "main" }));
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });
});

describe("cancelBuild", () => {
  it("cancels a running build, then gets Buildkite's 422 for the canceled one", async () => {
    const rest = client();
    const canceled = await rest.cancelBuild(buildRef(fixtures.runningBuild));
    expect(canceled.data.state).toBe("canceled");
    expect(canceled.data.number).toBe(fixtures.runningBuild.buildNumber);
    const again = await rejection(rest.cancelBuild(buildRef(fixtures.runningBuild)));
    expect(again.status).toBe(422);
    expect((await rejection(rest.cancelBuild(buildRef(fixtures.annotatedBuild)))).status).toBe(422);
  });

  it("is never resent and needs write_builds", async () => {
    await control("faults", { method: "PUT", path: "/v2/organizations/*/pipelines/*/builds/*/cancel", status: 503 });
    const failed = await rejection(client().cancelBuild(buildRef(fixtures.runningBuild)));
    expect([failed.status, failed.attempts]).toEqual([503, 1]);
    expect((await rejection(readOnly().cancelBuild(buildRef(fixtures.runningBuild)))).status).toBe(403);
  });
});

describe("rebuildBuild", () => {
  it("returns the new build of the same commit", async () => {
    const rest = client();
    const original = (await rest.getBuild(buildRef(fixtures.passedBuild))).data;
    const rebuilt = (await rest.rebuildBuild(buildRef(fixtures.passedBuild))).data;
    expect(rebuilt.number).toBeGreaterThan(original.number);
    expect(rebuilt).toMatchObject({ commit: original.commit, state: "scheduled", source: "api" });
    expect((await rejection(readOnly().rebuildBuild(buildRef(fixtures.passedBuild)))).status).toBe(403);
  });
});

describe("unblockJob", () => {
  it("unblocks a block step with its fields, which become the build's meta-data", async () => {
    const rest = client();
    const job = (await rest.unblockJob(jobRef(fixtures.manualJob), { "release-name": "Pumpkin" })).data;
    expect(job).toMatchObject({ id: fixtures.manualJob.jobId, type: "manual", state: "unblocked" });
    expect(job.name).toEqual(expect.any(String));
    const build = (await rest.getBuild(buildRef(fixtures.blockedBuild))).data;
    expect(build.blocked).toBe(false);
    const again = await rejection(rest.unblockJob(jobRef(fixtures.manualJob), {}));
    expect(again.status).toBe(400);
  });

  it("is refused for jobs that are not block steps, and without write_builds", async () => {
    expect((await rejection(client().unblockJob(jobRef(fixtures.passedJob), {}))).status).toBe(400);
    expect((await rejection(readOnly().unblockJob(jobRef(fixtures.manualJob), {}))).status).toBe(403);
  });
});

describe("orgJobEnv", () => {
  it("reads a job's env by its id alone", async () => {
    const env = (await client().orgJobEnv(world.sim.org, fixtures.passedJob.jobId)).data;
    expect(env.BUILDKITE_JOB_ID).toBe(fixtures.passedJob.jobId);
    expect((await rejection(client().orgJobEnv(world.sim.org, "00000000-0000-4000-8000-000000000000"))).status).toBe(
      404,
    );
  });
});
