import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { BuildkiteError } from "@/server/buildkite/errors";
import { createStacksClient, type StacksClientOptions } from "@/server/buildkite/stacks";

import { startStubServer, type StubServer } from "./stub-server";

const token = "bkct_failure_test_token_abcdef";
const list = { stackKey: "console", queueKey: "_default" };
const page = JSON.stringify({
  jobs: [],
  cluster_queue: { id: "q", dispatch_paused: false },
  page_info: { has_next_page: false, end_cursor: null },
});
const rateLimitHeaders = {
  "ratelimit-scope": "list-scheduled-jobs",
  "ratelimit-limit": "10",
  "ratelimit-remaining": "0",
  "ratelimit-reset": "1",
};

let stub: StubServer;
let dispatcher: Agent;
let sleeps: number[];

beforeAll(async () => {
  stub = await startStubServer();
  dispatcher = new Agent();
});
afterAll(async () => {
  await dispatcher.close();
  await stub.close();
});
beforeEach(() => {
  stub.reset();
  sleeps = [];
});

function client(overrides: Partial<StacksClientOptions> = {}) {
  return createStacksClient({
    baseUrl: `${stub.origin}/v3`,
    token,
    dispatcher,
    retry: {
      baseDelayMs: 10,
      jitterMinMs: 0,
      jitterMaxMs: 5,
      sleep: async (ms) => void sleeps.push(ms),
    },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<BuildkiteError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildkiteError);
  return error as BuildkiteError;
}

describe("Stacks client retries against a stub", () => {
  it("retries a 503 and succeeds, reporting the attempts", async () => {
    stub.reply({ status: 503, body: "" });
    stub.fallback = { status: 200, body: page, headers: rateLimitHeaders };
    const result = await client().listScheduledJobs(list);
    expect(result.attempts).toBe(2);
    expect(result.rateLimit).toEqual({ scope: "list-scheduled-jobs", limit: 10, remaining: 0, resetSeconds: 1 });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(10);
    expect(sleeps[0]).toBeLessThanOrEqual(15);
  });

  it("waits exactly Retry-After on a 429", async () => {
    stub.reply({ status: 429, headers: { "retry-after": "3", ...rateLimitHeaders }, body: '{"message":"slow down"}' });
    stub.fallback = { status: 200, body: page };
    await client().listScheduledJobs(list);
    expect(sleeps).toEqual([3000]);
  });

  it("waits RateLimit-Reset on a 429 without Retry-After", async () => {
    stub.reply({ status: 429, headers: { ...rateLimitHeaders, "ratelimit-reset": "2" } });
    stub.fallback = { status: 200, body: page };
    await client().listScheduledJobs(list);
    expect(sleeps).toEqual([2000]);
  });

  it("does not retry other 4xx and keeps the upstream message", async () => {
    stub.fallback = { status: 404, body: '{"message":"No stack found"}', headers: rateLimitHeaders };
    const error = await failure(client().getJob({ stackKey: "console", jobId: "x" }));
    expect(stub.requests).toHaveLength(1);
    expect(error).toMatchObject({
      kind: "http",
      status: 404,
      message: "No stack found",
      rawBody: '{"message":"No stack found"}',
      attempts: 1,
      retryable: false,
      method: "GET",
      path: "/v3/stacks/console/jobs/x",
    });
    expect(error.rateLimit?.scope).toBe("list-scheduled-jobs");
    expect(error.headers["content-type"]).toBe("application/json");
  });

  it("survives empty and non-JSON error bodies, falling back to the status text", async () => {
    stub.reply({ status: 400, body: "" }, { status: 422, body: "<html>oops</html>" });
    const empty = await failure(client().deregisterStack("console"));
    const html = await failure(client().deregisterStack("console"));
    expect([empty.message, empty.rawBody]).toEqual(["Bad Request", ""]);
    expect([html.message, html.rawBody]).toEqual(["Unprocessable Entity", "<html>oops</html>"]);
  });

  it("retries a 2xx whose body is not JSON", async () => {
    stub.reply({ status: 200, body: '{"jobs": [' });
    stub.fallback = { status: 200, body: page };
    const result = await client().listScheduledJobs(list);
    expect(result.attempts).toBe(2);
  });

  it("does not retry JSON of the wrong shape", async () => {
    stub.fallback = { status: 200, body: '{"jobs":"nope"}' };
    const error = await failure(client().listScheduledJobs(list));
    expect(stub.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: "parse", status: 200, retryable: false, rawBody: '{"jobs":"nope"}' });
  });

  it("retries a dropped connection", async () => {
    stub.reply({ status: 0, destroy: true });
    stub.fallback = { status: 200, body: page };
    const result = await client().listScheduledJobs(list);
    expect(result.attempts).toBe(2);
  });

  it("gives up after maxAttempts with the last answer's details", async () => {
    stub.fallback = {
      status: 503,
      body: `{"message":"Organization temporarily unavailable ${token}"}`,
      headers: rateLimitHeaders,
    };
    const error = await failure(
      client({ retry: { maxAttempts: 3, baseDelayMs: 1, sleep: async () => {} } }).listScheduledJobs(list),
    );
    expect(stub.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: "http", status: 503, attempts: 3, retryable: true });
    expect(error.message).toBe("Organization temporarily unavailable [REDACTED]");
    expect(error.rawBody).not.toContain(token);
    expect(error.rateLimit?.remaining).toBe(0);
  });

  it("honours noRetry", async () => {
    stub.fallback = { status: 503, body: "" };
    const error = await failure(client().listScheduledJobs(list, { noRetry: true }));
    expect(stub.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 503, attempts: 1, retryable: true });
    expect(error.message).toBe("Service Unavailable");
  });

  it("reports refused connections as retryable network errors", async () => {
    const refused = createStacksClient({
      baseUrl: "http://127.0.0.1:1/v3",
      token,
      dispatcher,
      retry: { maxAttempts: 2, sleep: async () => {} },
    });
    const error = await failure(refused.listScheduledJobs(list));
    expect(error).toMatchObject({ kind: "network", status: null, attempts: 2, retryable: true });
  });

  it("times out each attempt and retries", async () => {
    stub.reply({ status: 200, body: page, delayMs: 2_000 });
    stub.fallback = { status: 200, body: page };
    const result = await client({ timeoutMs: 100 }).listScheduledJobs(list);
    expect(result.attempts).toBe(2);

    stub.reset();
    stub.fallback = { status: 200, body: page, delayMs: 2_000 };
    const error = await failure(client().listScheduledJobs(list, { timeoutMs: 50, noRetry: true }));
    expect(error).toMatchObject({ kind: "timeout", attempts: 1, retryable: true, status: null });
  });

  it("aborts an in-flight request without retrying", async () => {
    stub.fallback = { status: 200, body: page, delayMs: 2_000 };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client().listScheduledJobs(list, { signal: controller.signal }));
    expect(error).toMatchObject({ kind: "aborted", attempts: 1, retryable: false });
    expect(stub.requests).toHaveLength(1);
  });

  it("aborts the wait between attempts", async () => {
    stub.fallback = { status: 503, body: "" };
    const controller = new AbortController();
    const slow = client({ retry: { baseDelayMs: 60_000, jitterMinMs: 0, jitterMaxMs: 0 } });
    const pending = slow.listScheduledJobs(list, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error).toMatchObject({ kind: "aborted", attempts: 1 });
    expect(error.cause).toBeInstanceOf(BuildkiteError);
    expect(stub.requests).toHaveLength(1);
  });

  it("does not send anything when the signal is already aborted", async () => {
    const error = await failure(client().listScheduledJobs(list, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ kind: "aborted", attempts: 0 });
    expect(stub.requests).toHaveLength(0);
  });
});
