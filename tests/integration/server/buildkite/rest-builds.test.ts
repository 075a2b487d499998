import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { createRestClient, type RestClientOptions } from "@/server/buildkite/rest";
import { startSimulator } from "@/server/simulator";
import { quietSimulator, simulatorRestClient } from "./quiet-simulator";

// The REST client's builds, logs, artifacts, annotations and retry against the simulator over real HTTP.

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
  bytes?: number;
}
interface ArtifactFixture extends JobFixture {
  artifactId: string;
  path: string;
  bytes: number;
  sha1: string;
}
interface Fixtures {
  largeLog: JobFixture;
  colourLog: JobFixture;
  failedJob: JobFixture;
  passedJob: JobFixture;
  scheduledJob: JobFixture;
  canceledBuildJob: JobFixture;
  hostileAnnotation: { pipeline: string; buildNumber: number };
  smallArtifact: ArtifactFixture;
}

const world = quietSimulator();
let fixtures: Fixtures;
const sleeps: number[] = [];

beforeEach(async () => {
  await fetch(`${world.sim.origin}/__sim/reset`, { method: "POST", body: "{}" });
  fixtures = (await (await fetch(`${world.sim.origin}/__sim/fixtures`)).json()) as Fixtures;
  sleeps.length = 0;
});

const client = (overrides: Partial<RestClientOptions> = {}) => simulatorRestClient(world, sleeps, overrides);

const jobRef = (job: JobFixture) => ({
  org: world.sim.org,
  pipeline: job.pipeline,
  build: job.buildNumber,
  job: job.jobId,
});

async function rejection(promise: Promise<unknown>): Promise<BuildkiteError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildkiteError);
  return error as BuildkiteError;
}

async function bytesOf(body: AsyncIterable<unknown>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of body) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

describe("access token", () => {
  it("reads the token's scopes and normalises Buildkite's UTC date form", async () => {
    const token = (await client().accessToken()).data;
    expect(token.scopes).toEqual(
      expect.arrayContaining(["read_builds", "read_build_logs", "read_artifacts", "write_builds"]),
    );
    expect(token.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const readOnly = (await client({ token: world.sim.apiReadOnlyToken }).accessToken()).data;
    expect(readOnly.scopes).not.toContain("write_builds");
  });
});

describe("builds", () => {
  it("lists builds in all three scopes, newest first", async () => {
    const rest = client();
    const everywhere = await rest.listBuilds({});
    const org = await rest.listBuilds({ org: world.sim.org });
    const pipeline = await rest.listBuilds({ org: world.sim.org, pipeline: fixtures.failedJob.pipeline });
    expect(everywhere.data.length).toBeGreaterThan(0);
    expect(org.data.map((build) => build.id)).toEqual(everywhere.data.map((build) => build.id));
    expect(pipeline.data.every((build) => build.pipeline?.slug === fixtures.failedJob.pipeline)).toBe(true);
    const created = org.data.map((build) => build.createdAt ?? "");
    expect(created).toEqual([...created].sort().reverse());
  });

  it("filters by state and branch, and leaves jobs out when asked", async () => {
    const rest = client();
    const failed = await rest.listBuilds({ org: world.sim.org }, { state: "failed", excludeJobs: true });
    expect(failed.data.length).toBeGreaterThan(0);
    expect(failed.data.every((build) => build.state === "failed" && build.jobs === null)).toBe(true);
    const finished = await rest.listBuilds({ org: world.sim.org }, { state: ["passed", "failed"] });
    expect(finished.data.every((build) => ["passed", "failed"].includes(build.state))).toBe(true);
    const main = await rest.listBuilds({ org: world.sim.org }, { branch: "main" });
    expect(main.data.every((build) => build.branch === "main")).toBe(true);
  });

  it("pages with the Link header", async () => {
    const rest = client();
    const first = await rest.listBuilds({ org: world.sim.org }, { perPage: 2, page: 1 });
    expect(first.data).toHaveLength(2);
    expect(first.nextPage).toBe(2);
    expect(first.prevPage).toBeNull();
    const second = await rest.listBuilds({ org: world.sim.org }, { perPage: 2, page: 2 });
    expect(second.prevPage).toBe(1);
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
  });

  it("reports Buildkite's refusal of pages too deep", async () => {
    const error = await rejection(client().listBuilds({ org: world.sim.org }, { page: 100_000, perPage: 100 }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/this deep/);
  });

  it("gets a build by number with its jobs and state counts", async () => {
    const build = (
      await client().getBuild({
        org: world.sim.org,
        pipeline: fixtures.failedJob.pipeline,
        build: fixtures.failedJob.buildNumber,
      })
    ).data;
    const job = build.jobs?.find((candidate) => candidate.id === fixtures.failedJob.jobId);
    expect(job?.state).toBe("failed");
    expect(job?.exitStatus).toBe(1);
    expect(Object.values(build.jobStateCounts ?? {}).reduce((a, b) => a + b, 0)).toBe(build.jobs?.length);
  });

  it("lists the organization's pipelines", async () => {
    const pipelines = (await client().listPipelines(world.sim.org)).data;
    expect(pipelines.map((pipeline) => pipeline.slug)).toContain(fixtures.failedJob.pipeline);
    expect(pipelines.every((pipeline) => pipeline.createdAt === null || pipeline.createdAt.endsWith("Z"))).toBe(true);
  });
});

describe("job logs", () => {
  it("reads a log as JSON, its size by HEAD, and its tail by Range", async () => {
    const rest = client();
    const ref = jobRef(fixtures.colourLog);
    const json = (await rest.jobLog(ref)).data;
    const size = await rest.jobLogSize(ref);
    expect(json.size).toBe(size);
    const whole = await rest.jobLogText(ref);
    expect((await bytesOf(whole.body)).length).toBe(size);
    const tail = await rest.jobLogTail(ref, 1000);
    if (!tail) throw new Error("a log with output has a tail");
    expect(tail.status).toBe(206);
    expect(tail.range).toEqual({ start: size - 1000, end: size - 1 });
    expect(tail.totalBytes).toBe(size);
    expect((await bytesOf(tail.body)).length).toBe(1000);
  });

  it("tails a 100 MB log without reading it", async () => {
    const rest = client();
    const ref = jobRef(fixtures.largeLog);
    const size = await rest.jobLogSize(ref);
    expect(size).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const tail = await rest.jobLogTail(ref, 4096);
    if (!tail) throw new Error("a log with output has a tail");
    expect(tail.range?.start).toBe(size - 4096);
    expect((await bytesOf(tail.body)).length).toBe(4096);
  });

  it("reads the tail of a log with nothing written yet as empty, though Buildkite answers its range with 416", async () => {
    expect(await client().jobLogTail(jobRef(fixtures.scheduledJob), 100)).toBeNull();
  });

  it("reads a job's environment", async () => {
    const env = (await client().jobEnv(jobRef(fixtures.failedJob))).data;
    expect(env.BUILDKITE_JOB_ID).toBe(fixtures.failedJob.jobId);
  });
});

describe("retry", () => {
  it("returns the new scheduled job, once per job id", async () => {
    const rest = client();
    const retried = (await rest.retryJob(jobRef(fixtures.failedJob))).data;
    expect(retried.state).toBe("scheduled");
    expect(retried.id).not.toBe(fixtures.failedJob.jobId);
    const again = await rejection(rest.retryJob(jobRef(fixtures.failedJob)));
    expect(again.status).toBe(400);
    const build = (
      await rest.getBuild({
        org: world.sim.org,
        pipeline: fixtures.failedJob.pipeline,
        build: fixtures.failedJob.buildNumber,
      })
    ).data;
    // The build lists the new job in the old one's place, saying which job it retries.
    expect(build.jobs?.find((job) => job.id === retried.id)?.retrySource?.jobId).toBe(fixtures.failedJob.jobId);
  });

  it("is refused for passed jobs, for jobs of canceled builds, and without write_builds", async () => {
    expect((await rejection(client().retryJob(jobRef(fixtures.passedJob)))).status).toBe(400);
    expect((await rejection(client().retryJob(jobRef(fixtures.canceledBuildJob)))).status).toBe(422);
    expect(
      (await rejection(client({ token: world.sim.apiReadOnlyToken }).retryJob(jobRef(fixtures.failedJob)))).status,
    ).toBe(403);
  });
});

describe("artifacts", () => {
  const buildRef = () => ({
    org: world.sim.org,
    pipeline: fixtures.smallArtifact.pipeline,
    build: fixtures.smallArtifact.buildNumber,
  });

  it("lists a build's artifacts, filtered by state and path", async () => {
    const rest = client();
    const all = (await rest.listArtifacts(buildRef())).data;
    const small = all.find((artifact) => artifact.id === fixtures.smallArtifact.artifactId);
    expect(small).toMatchObject({
      path: fixtures.smallArtifact.path,
      fileSize: fixtures.smallArtifact.bytes,
      sha1sum: fixtures.smallArtifact.sha1,
    });
    const byPath = (await rest.listArtifacts(buildRef(), { path: fixtures.smallArtifact.path })).data;
    expect(byPath.map((artifact) => artifact.id)).toEqual([fixtures.smallArtifact.artifactId]);
    const ofJob = (await rest.listArtifacts({ ...buildRef(), job: fixtures.smallArtifact.jobId })).data;
    expect(ofJob.every((artifact) => artifact.jobId === fixtures.smallArtifact.jobId)).toBe(true);
    expect((await rejection(rest.listArtifacts(buildRef(), { state: "bogus" }))).status).toBe(422);
  });

  it("downloads through the 302 without sending the token to storage", async () => {
    // The simulator's storage refuses any request carrying an Authorization header, as S3 does.
    const download = await client().downloadArtifact(jobRef(fixtures.smallArtifact), fixtures.smallArtifact.artifactId);
    const bytes = await bytesOf(download.body);
    expect(bytes.length).toBe(fixtures.smallArtifact.bytes);
    expect(createHash("sha1").update(bytes).digest("hex")).toBe(fixtures.smallArtifact.sha1);
  });
});

describe("annotations", () => {
  it("lists a build's annotations with their raw HTML", async () => {
    const annotations = (
      await client().listAnnotations({
        org: world.sim.org,
        pipeline: fixtures.hostileAnnotation.pipeline,
        build: fixtures.hostileAnnotation.buildNumber,
      })
    ).data;
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.some((annotation) => annotation.bodyHtml.includes("<script"))).toBe(true);
  });
});

describe("rate limits", () => {
  it("reads both budgets, waits RateLimit-Reset on a 429, and reports what is left", async () => {
    const limited = await startSimulator({ seed: 42, activity: false, rateLimits: true });
    try {
      const rest = createRestClient({
        baseUrl: limited.restApiUrl,
        token: limited.apiToken,
        dispatcher: world.dispatcher,
        retry: { sleep: async (ms) => void sleeps.push(ms), maxAttempts: 2 },
      });
      await rest.accessToken();
      expect(rest.budget()).toMatchObject({
        organization: { limit: 200, remaining: 199 },
        user: { limit: 50, remaining: 49 },
      });
      for (let i = 0; i < 49; i++) await rest.accessToken({ noRetry: true });
      const error = await rejection(rest.accessToken());
      expect(error.status).toBe(429);
      // No Retry-After comes; the wait is the reset the budget reported, in seconds.
      expect(sleeps).toHaveLength(1);
      expect(sleeps[0]).toBeGreaterThan(0);
      expect(sleeps[0]).toBeLessThanOrEqual(60_000);
      expect(rest.budget().user?.remaining).toBeLessThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe("dispatch", () => {
  it("pauses and resumes a cluster queue", async () => {
    const rest = client();
    const [cluster] = (await rest.listClusters(world.sim.org)).data;
    if (cluster === undefined) throw new Error("the simulator has no cluster");
    const [queue] = (await rest.listClusterQueues(world.sim.org, cluster.id)).data;
    if (queue === undefined) throw new Error("the cluster has no queue");
    const paused = (await rest.pauseDispatch(world.sim.org, cluster.id, queue.id, "db migration")).data;
    expect(paused).toMatchObject({ dispatchPaused: true, dispatchPausedNote: "db migration" });
    expect(paused.dispatchPausedBy?.name).toBeTruthy();
    expect((await rest.resumeDispatch(world.sim.org, cluster.id, queue.id)).data.dispatchPaused).toBe(false);
  });
});
