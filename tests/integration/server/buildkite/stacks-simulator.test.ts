import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { abortableSleep } from "@/server/buildkite/retry";
import { createStacksClient, type StacksClient, type StacksClientOptions } from "@/server/buildkite/stacks";
import { startSimulator } from "@/server/simulator";
import { quietSimulator } from "./quiet-simulator";

type Running = Awaited<ReturnType<typeof startSimulator>>;

const world = quietSimulator();
let sleeps: number[];

const LIST_ROUTE = "GET /v3/stacks/:key/scheduled-jobs";

beforeEach(async () => {
  await control("POST", "reset");
  sleeps = [];
});

async function control(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${world.sim.origin}/__sim/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

async function requestCount(route: string): Promise<number> {
  const stats = (await control("GET", "stats")) as { requests: Record<string, number> };
  return stats.requests[route] ?? 0;
}

function fault(spec: Record<string, unknown>): Promise<unknown> {
  return control("POST", "faults", spec);
}

function client(overrides: Partial<StacksClientOptions> = {}): StacksClient {
  return createStacksClient({
    baseUrl: world.sim.agentApiUrl,
    token: world.sim.clusterToken,
    dispatcher: world.dispatcher,
    retry: { baseDelayMs: 10, jitterMinMs: 0, jitterMaxMs: 5, sleep: async (ms) => void sleeps.push(ms) },
    ...overrides,
  });
}

function listInput() {
  return { stackKey: world.sim.stackKey, queueKey: world.sim.queueKey };
}

async function failure(promise: Promise<unknown>): Promise<BuildkiteError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildkiteError);
  return error as BuildkiteError;
}

async function scheduledIds(stacks: StacksClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of stacks.scheduledJobPages({ ...listInput(), limit: 1000, maxPages: 10 })) {
    ids.push(...page.data.jobs.map((job) => job.id));
  }
  return ids;
}

describe("Stacks client against the simulator", () => {
  it("registers (201 then 200) and deregisters a stack", async () => {
    const stacks = client();
    const input = {
      key: "console-test",
      type: "custom" as const,
      queueKey: world.sim.queueKey,
      metadata: { purpose: "test" },
    };
    const created = await stacks.registerStack(input);
    const updated = await stacks.registerStack(input);
    expect([created.status, created.data.created]).toEqual([201, true]);
    expect([updated.status, updated.data.created]).toEqual([200, false]);
    expect(created.data.stack).toMatchObject({ key: "console-test", type: "custom", metadata: { purpose: "test" } });
    const gone = await stacks.deregisterStack("console-test");
    expect(gone).toMatchObject({ status: 204, data: null, attempts: 1 });
  });

  it("lists scheduled jobs with rate-limit info and the pause flag", async () => {
    const stacks = client();
    const first = await stacks.listScheduledJobs({ ...listInput(), limit: 5 });
    expect(first.data.jobs).toHaveLength(5);
    expect(first.data.pageInfo.hasNextPage).toBe(true);
    expect(first.data.pageInfo.endCursor).toEqual(expect.any(String));
    expect(first.rateLimit).toMatchObject({ scope: "list-scheduled-jobs", limit: 10 });
    const job = first.data.jobs[0];
    expect(job?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(job?.agentQueryRules.length).toBeGreaterThan(0);
    expect(job?.pipeline.slug).toEqual(expect.any(String));
    expect(job?.build.number).toEqual(expect.any(Number));
    expect(first.raw).toMatchObject({ jobs: expect.any(Array) });
    expect(first.data.clusterQueue.dispatchPaused).toBe(false);

    await control("POST", "queue", { paused: true, note: "maintenance" });
    const paused = await stacks.listScheduledJobs(listInput());
    expect(paused.data.clusterQueue.dispatchPaused).toBe(true);
  });

  it("pages through every scheduled job, including newly scheduled ones", async () => {
    const { ids: added } = (await control("POST", "jobs", { count: 3 })) as { ids: string[] };
    const ids: string[] = [];
    let pages = 0;
    for await (const page of client().scheduledJobPages({ ...listInput(), limit: 7, maxPages: 100 })) {
      pages++;
      ids.push(...page.data.jobs.map((job) => job.id));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(added));
    expect(pages).toBe(Math.ceil(ids.length / 7));
    expect(await requestCount(LIST_ROUTE)).toBe(pages);
  });

  it("gets a job's env and command", async () => {
    const stacks = client();
    const [jobId] = await scheduledIds(stacks);
    const job = await stacks.getJob({ stackKey: world.sim.stackKey, jobId: jobId ?? "" });
    expect(job.data.id).toBe(jobId);
    expect(Object.keys(job.data.env).length).toBeGreaterThan(0);
    expect(job.data.command.length).toBeGreaterThan(0);
  });

  it("reserves jobs, which then leave the list and report as reserved", async () => {
    const stacks = client();
    const [a, b] = await scheduledIds(stacks);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const reserved = await stacks.reserveJobs({
      stackKey: world.sim.stackKey,
      jobIds: [a ?? "", b ?? "", unknown],
      expirySeconds: 60,
    });
    expect(reserved.data).toEqual({ reserved: [a, b], notReserved: [unknown] });
    expect(await scheduledIds(stacks)).not.toContain(a);
    const states = await stacks.getJobStates({ stackKey: world.sim.stackKey, jobIds: [a ?? "", unknown] });
    expect(states.data.states).toEqual({ [a ?? ""]: "reserved" });
  });

  it("finishes a job once with exit status 0; a second finish is a 4xx not retried", async () => {
    const stacks = client();
    const [jobId = ""] = await scheduledIds(stacks);
    const finished = await stacks.finishJob({
      stackKey: world.sim.stackKey,
      jobId,
      exitStatus: 0,
      detail: "Finished by the console test",
    });
    expect([200, 204]).toContain(finished.status);
    const states = await stacks.getJobStates({ stackKey: world.sim.stackKey, jobIds: [jobId] });
    expect(states.data.states[jobId]).toBe("finished");
    const again = await failure(stacks.finishJob({ stackKey: world.sim.stackKey, jobId, detail: "again" }));
    expect(again).toMatchObject({ kind: "http", retryable: false, attempts: 1 });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect(again.message.length).toBeGreaterThan(0);
  });

  it("creates notifications and reports per-index failures", async () => {
    const stacks = client();
    const [jobId = ""] = await scheduledIds(stacks);
    const result = await stacks.createNotifications({
      stackKey: world.sim.stackKey,
      notifications: [
        { jobId, detail: "Waiting for capacity", timestamp: new Date(Date.now() - 1000) },
        { jobId: "00000000-0000-4000-8000-000000000000", detail: "nobody" },
      ],
    });
    expect(result.status).toBe(200);
    expect(result.data.errors.flatMap((entry) => entry.indexes)).toEqual([1]);
  });

  it("reports a missing stack as a non-retryable 404 with Buildkite's message", async () => {
    const error = await failure(
      client().listScheduledJobs({ stackKey: "no-such-stack", queueKey: world.sim.queueKey }),
    );
    expect(error).toMatchObject({ kind: "http", status: 404, retryable: false, attempts: 1 });
    expect(JSON.parse(error.rawBody ?? "{}")).toMatchObject({ message: error.message });
  });

  it("reports a wrong token as 401", async () => {
    const error = await failure(client({ token: "bkct_wrong" }).listScheduledJobs(listInput()));
    expect(error).toMatchObject({ kind: "http", status: 401, retryable: false });
  });
});

describe("Stacks client failure handling against simulator faults", () => {
  const listPath = () => `/v3/stacks/${world.sim.stackKey}/scheduled-jobs`;

  it("waits Retry-After on a 429 and then succeeds", async () => {
    await fault({ method: "GET", path: listPath(), status: 429, retryAfter: 1 });
    const result = await client().listScheduledJobs(listInput());
    expect(result.attempts).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(await requestCount(LIST_ROUTE)).toBe(2);
  });

  it("waits RateLimit-Reset on a 429 without Retry-After", async () => {
    await fault({ path: "/v3/stacks/*/scheduled-jobs", status: 429 });
    const result = await client().listScheduledJobs(listInput());
    expect(result.attempts).toBe(2);
    expect(sleeps).toEqual([1000]);
  });

  it("retries a 503 and succeeds", async () => {
    await fault({ path: listPath(), status: 503 });
    const result = await client().listScheduledJobs(listInput());
    expect(result.attempts).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeLessThanOrEqual(15);
  });

  it("does not retry a 400", async () => {
    await fault({ path: listPath(), status: 400, count: 5 });
    const error = await failure(client().listScheduledJobs(listInput()));
    expect(error).toMatchObject({ kind: "http", status: 400, message: "Bad Request", attempts: 1, retryable: false });
    expect(await requestCount(LIST_ROUTE)).toBe(1);
  });

  it("retries a dropped connection", async () => {
    await fault({ path: listPath(), mode: "reset" });
    const result = await client().listScheduledJobs(listInput());
    expect(result.attempts).toBe(2);
    expect(await requestCount(LIST_ROUTE)).toBe(2);
  });

  it("retries a malformed 2xx body", async () => {
    await fault({ path: listPath(), mode: "malformed" });
    const result = await client().listScheduledJobs(listInput());
    expect(result.attempts).toBe(2);
  });

  it("gives up after maxAttempts with status, body, headers and rate limit of the last answer", async () => {
    await fault({ path: listPath(), status: 503, count: 10 });
    const error = await failure(
      client({ retry: { maxAttempts: 3, sleep: async () => {} } }).listScheduledJobs(listInput()),
    );
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 3, retryable: true, method: "GET" });
    expect(error.path).toBe(
      `${new URL(world.sim.agentApiUrl).pathname.replace(/\/$/, "")}/stacks/${world.sim.stackKey}/scheduled-jobs?queue_key=${world.sim.queueKey}`,
    );
    expect(error.rawBody).toContain("Service Unavailable");
    expect(error.headers["ratelimit-scope"]).toBe("list-scheduled-jobs");
    expect(error.rateLimit).toMatchObject({ scope: "list-scheduled-jobs", limit: 10 });
    expect(await requestCount(LIST_ROUTE)).toBe(3);
  });

  it("makes one call with noRetry", async () => {
    await fault({ path: listPath(), status: 503, count: 5 });
    const error = await failure(client().listScheduledJobs(listInput(), { noRetry: true }));
    expect(error).toMatchObject({ status: 503, attempts: 1, retryable: true });
    expect(await requestCount(LIST_ROUTE)).toBe(1);
  });

  it("aborts during a delayed response without retrying", async () => {
    await fault({ path: listPath(), delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(client().listScheduledJobs(listInput(), { signal: controller.signal }));
    expect(error).toMatchObject({ kind: "aborted", attempts: 1, retryable: false });
    expect(await requestCount(LIST_ROUTE)).toBe(1);
  });

  it("times out a slow attempt and retries", async () => {
    await fault({ path: listPath(), delayMs: 2_000 });
    const result = await client({ timeoutMs: 200 }).listScheduledJobs(listInput());
    expect(result.attempts).toBe(2);

    await fault({ path: listPath(), delayMs: 2_000 });
    const error = await failure(client().listScheduledJobs(listInput(), { timeoutMs: 100, noRetry: true }));
    expect(error).toMatchObject({ kind: "timeout", attempts: 1, status: null, retryable: true });
  });

  it("does not log the token or job env values with payload logging on", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
    const stacks = client({ logger, logPayloads: true });
    const [jobId = ""] = await scheduledIds(stacks);
    const job = await stacks.getJob({ stackKey: world.sim.stackKey, jobId });
    const output = lines.join("");
    expect(output).not.toContain(world.sim.clusterToken);
    // Values that also appear outside env (the job id, say) are not secrets and may show up legitimately.
    const outsideEnv =
      JSON.stringify({ ...(job.raw as Record<string, unknown>), env: undefined }) +
      output.replace(/"env":\{[^}]*\}/g, "");
    const secretValues = Object.values(job.data.env).filter(
      (value) => value.length >= 6 && !outsideEnv.includes(value),
    );
    expect(secretValues.length).toBeGreaterThan(0);
    for (const value of secretValues) expect(output).not.toContain(value);
  });
});

describe("Stacks client against the simulator's real rate limits", () => {
  let limited: Running;

  beforeAll(async () => {
    limited = await startSimulator({ seed: 7, activity: false, rateLimits: true });
  });
  afterAll(async () => {
    await limited.close();
  });

  it("rides out a burst over the 10/s list budget by waiting RateLimit-Reset", async () => {
    const waits: number[] = [];
    const stacks = createStacksClient({
      baseUrl: limited.agentApiUrl,
      token: limited.clusterToken,
      dispatcher: world.dispatcher,
      retry: {
        sleep: (ms, signal) => {
          waits.push(ms);
          return abortableSleep(ms, signal);
        },
      },
    });
    const input = { stackKey: limited.stackKey, queueKey: limited.queueKey, limit: 1 };
    const results = await Promise.all(Array.from({ length: 14 }, () => stacks.listScheduledJobs(input)));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(results.filter((result) => result.attempts > 1).length).toBeGreaterThanOrEqual(4);
    expect(waits.length).toBeGreaterThanOrEqual(4);
    expect(waits.every((ms) => ms === 1000)).toBe(true);

    const error = await failure(
      Promise.all(Array.from({ length: 12 }, () => stacks.listScheduledJobs(input, { noRetry: true }))),
    );
    expect(error).toMatchObject({ kind: "http", status: 429, retryable: true });
    expect(error.rateLimit).toMatchObject({ scope: "list-scheduled-jobs", limit: 10, remaining: 0 });
    expect(error.message).toContain("rate limit");
  });
});
