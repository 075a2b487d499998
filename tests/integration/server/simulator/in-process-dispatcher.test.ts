import { createHash } from "node:crypto";
import { Server } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { createRestClient, type RestClient } from "@/server/buildkite/rest";
import { createStacksClient, type StacksClient } from "@/server/buildkite/stacks";
import { parseConfig } from "@/server/config";
import { createRuntime } from "@/server/runtime";
import type { Store } from "@/server/store/store";
import { startInProcessSimulator, type InProcessSimulator } from "@/server/simulator";

// A console on a serverless host reaches its demo simulator without any socket: the same clients, given
// an undici dispatcher that calls the simulator's handler. Nothing here may listen on a port, and the
// clients must see exactly what they see from Buildkite: statuses, headers, JSON bodies, streamed logs.

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
}
interface Fixtures {
  colourLog: JobFixture;
  largeLog: JobFixture;
  smallArtifact: JobFixture & { artifactId: string; bytes: number; sha1: string };
}

const listen = vi.spyOn(Server.prototype, "listen");
let sim: InProcessSimulator;
let fixtures: Fixtures;
let stacks: StacksClient;
let restClient: RestClient;

beforeAll(() => {
  sim = startInProcessSimulator({ seed: 42, activity: false });
  // Built exactly as the runtime builds them: the dispatcher is the only difference from live mode.
  stacks = createStacksClient({ baseUrl: sim.agentApiUrl, token: sim.clusterToken, dispatcher: sim.dispatcher });
  restClient = createRestClient({ baseUrl: sim.restApiUrl, token: sim.apiToken, dispatcher: sim.dispatcher });
});

afterAll(() => sim.close());

beforeEach(async () => {
  await sim.simulator.handle(new Request("http://simulator.invalid/__sim/reset", { method: "POST", body: "{}" }));
  const answer = await sim.simulator.handle(new Request("http://simulator.invalid/__sim/fixtures"));
  fixtures = (await answer.json()) as Fixtures;
});

async function bytesOf(body: AsyncIterable<unknown>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of body) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

const jobRef = (job: JobFixture) => ({ org: sim.org, pipeline: job.pipeline, build: job.buildNumber, job: job.jobId });

describe("the demo's clients on a serverless host", () => {
  it("list scheduled jobs with the Stacks API's rate-limit headers", async () => {
    const page = await stacks.listScheduledJobs({ stackKey: "stack-console", queueKey: "_default", limit: 5 });
    expect(page.status).toBe(200);
    expect(page.data.jobs).toHaveLength(5);
    expect(page.headers["ratelimit-remaining"]).toMatch(/^\d+$/);
    expect(page.rateLimit?.remaining).toBeTypeOf("number");
  });

  it("send a JSON body and read the answer (reserve, then the jobs' states)", async () => {
    const page = await stacks.listScheduledJobs({ stackKey: "stack-console", queueKey: "_default", limit: 2 });
    const jobIds = page.data.jobs.map((job) => job.id);
    const reserved = await stacks.reserveJobs({ stackKey: "stack-console", jobIds, expirySeconds: 60 });
    expect(reserved.data.reserved.sort()).toEqual([...jobIds].sort());
    const states = await stacks.getJobStates({ stackKey: "stack-console", jobIds });
    expect(Object.keys(states.data.states).sort()).toEqual([...jobIds].sort());
  });

  it("follow the REST API's Link header to the next page", async () => {
    const first = await restClient.listBuilds({ org: sim.org }, { perPage: 2 });
    expect(first.headers.link).toContain('rel="next"');
    expect(first.nextPage).toBe(2);
    const second = await restClient.listBuilds({ org: sim.org }, { perPage: 2, page: 2 });
    expect(second.data.map((build) => build.id)).not.toEqual(first.data.map((build) => build.id));
  });

  it("stream a job log whole, and megabytes of a 100 MB log's tail, byte for byte", async () => {
    const ref = jobRef(fixtures.colourLog);
    const size = await restClient.jobLogSize(ref);
    const whole = await restClient.jobLogText(ref);
    expect((await bytesOf(whole.body)).length).toBe(size);

    const large = jobRef(fixtures.largeLog);
    const largeSize = await restClient.jobLogSize(large);
    const tail = await restClient.jobLogTail(large, 8 * 1024 * 1024);
    if (!tail) throw new Error("a log with output has a tail");
    expect(tail.status).toBe(206);
    expect(tail.range).toEqual({ start: largeSize - 8 * 1024 * 1024, end: largeSize - 1 });
    expect((await bytesOf(tail.body)).length).toBe(8 * 1024 * 1024);
  });

  it("download an artifact through Buildkite's 302", async () => {
    const download = await restClient.downloadArtifact(
      jobRef(fixtures.smallArtifact),
      fixtures.smallArtifact.artifactId,
    );
    const bytes = await bytesOf(download.body);
    expect(bytes.length).toBe(fixtures.smallArtifact.bytes);
    expect(createHash("sha1").update(bytes).digest("hex")).toBe(fixtures.smallArtifact.sha1);
  });

  it("see an error status as an error, as from Buildkite (a 404, and a 401 for a token it does not know)", async () => {
    const missing = await stacks
      .getJob({ stackKey: "stack-console", jobId: "00000000-0000-4000-8000-000000000000" })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(BuildkiteError);
    expect((missing as BuildkiteError).status).toBe(404);

    const stranger = createStacksClient({ baseUrl: sim.agentApiUrl, token: "not-a-token", dispatcher: sim.dispatcher });
    const refused = await stranger
      .listScheduledJobs({ stackKey: "stack-console", queueKey: "_default" })
      .catch((error: unknown) => error);
    expect((refused as BuildkiteError).status).toBe(401);
    const strangerRest = createRestClient({ baseUrl: sim.restApiUrl, token: "nope", dispatcher: sim.dispatcher });
    expect(((await strangerRest.accessToken().catch((error: unknown) => error)) as BuildkiteError).status).toBe(401);
  });

  it("see a dropped connection and a slow answer as the network failures they would be over a socket", async () => {
    const arm = (fault: Record<string, unknown>) =>
      sim.simulator.handle(
        new Request("http://simulator.invalid/__sim/faults", { method: "POST", body: JSON.stringify(fault) }),
      );
    const once = { retry: { maxAttempts: 1 } };
    const client = createStacksClient({
      baseUrl: sim.agentApiUrl,
      token: sim.clusterToken,
      dispatcher: sim.dispatcher,
      ...once,
    });
    const query = { stackKey: "stack-console", queueKey: "_default" };

    await arm({ path: "/v3/stacks/*/scheduled-jobs", mode: "reset" });
    const reset = (await client.listScheduledJobs(query).catch((error: unknown) => error)) as BuildkiteError;
    expect(reset).toMatchObject({ kind: "network", retryable: true, status: null });

    await arm({ path: "/v3/stacks/*/scheduled-jobs", delayMs: 2_000 });
    const slow = (await client
      .listScheduledJobs(query, { timeoutMs: 50 })
      .catch((error: unknown) => error)) as BuildkiteError;
    expect(slow).toMatchObject({ kind: "timeout", status: null });

    expect((await client.listScheduledJobs(query)).status).toBe(200);
  });

  it("are what a console started with VERCEL=1 in demo mode uses: a whole command's reads, without a port", async () => {
    const cfg = parseConfig({ VERCEL: "1", LOG_LEVEL: "silent" });
    expect(cfg.simulatorTransport).toBe("in-process");
    // The store is not under test: one that opens at once keeps the runtime from waiting on it.
    const runtime = await createRuntime(cfg, async () => ({}) as Store);
    const queue = await runtime.live.queueSnapshot({ stackKey: cfg.stackKey, queueKey: "_default" });
    expect(queue.value.jobs.length).toBeGreaterThan(0);
    const builds = await runtime.rest?.client.listBuilds({ org: runtime.rest.org }, { perPage: 1 });
    expect(builds?.status).toBe(200);
  });

  it("never listened on a port", () => {
    expect(listen).not.toHaveBeenCalled();
  });
});
