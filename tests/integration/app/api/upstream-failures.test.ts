import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

// The console retries twice (BUILDKITE_RETRY_ATTEMPTS=2 in tests), so a fault armed for two requests
// exhausts it and the error reaches the envelope.
let c: TestConsole;
let stack: string;
let job: string;

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=1`);
  job = body.data[0].id;
});
afterEach(() => c.control("faults", undefined, "DELETE"));
afterAll(() => c.close());

const jobPath = () => `/api/v1/stacks/${stack}/jobs/${job}`;

describe("upstream failures become the contract's errors", () => {
  test("401 from Buildkite is an auth_error blamed on the console's token", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, status: 401, count: 1 });
    const { status, body } = await c.api(jobPath());
    expect(status).toBe(401);
    expect(body.error).toMatchObject({
      type: "auth_error",
      httpStatus: 401,
      retryable: false,
      details: { source: "buildkite" },
    });
  });

  test("404 is not_found and is not retried", async () => {
    const before = await c.upstreamCalls("GET /v3/stacks/:key/jobs/:uuid");
    const { status, body } = await c.api(`/api/v1/stacks/${stack}/jobs/00000000-0000-4000-8000-00000000abcd`);
    expect(status).toBe(404);
    expect(body.error?.type).toBe("not_found");
    expect(await c.upstreamCalls("GET /v3/stacks/:key/jobs/:uuid")).toBe(before + 1);
  });

  test("429 after retries is rate_limited with when to come back", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, status: 429, retryAfter: 0, count: 2 });
    const { status, body, headers } = await c.api(jobPath());
    expect(status).toBe(429);
    expect(body.error).toMatchObject({ type: "rate_limited", retryable: true, details: { source: "buildkite" } });
    expect(headers.get("retry-after")).not.toBeNull();
  });

  test("503 then success is invisible to the caller", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, status: 503, count: 1 });
    const { status, body } = await c.api(jobPath());
    expect(status).toBe(200);
    expect(body.data.id).toBe(job);
  });

  test("job states are polled, so a 503 reaches the caller at once instead of being retried", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/get-states`, status: 503, count: 1 });
    const before = await c.upstreamCalls("POST /v3/stacks/:key/jobs/get-states");
    const { status, body } = await c.api(`/api/v1/stacks/${stack}/job-states`, {
      method: "POST",
      body: { jobIds: [job] },
    });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ type: "server_error", retryable: true });
    expect(await c.upstreamCalls("POST /v3/stacks/:key/jobs/get-states")).toBe(before + 1);
  });

  test("persistent 5xx is a retryable server_error with status 502", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, status: 500, count: 2 });
    const { status, body } = await c.api(jobPath());
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ type: "server_error", httpStatus: 500, retryable: true });
  });

  test("a dropped connection is a network_error", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, mode: "reset", count: 2 });
    const { status, body } = await c.api(jobPath());
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ type: "network_error", retryable: true, details: { source: "buildkite" } });
  });

  test("a malformed 2xx is a server_error, never half-parsed data", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, mode: "malformed", count: 2 });
    const { status, body } = await c.api(jobPath());
    expect(status).toBe(502);
    expect(body.data).toBeNull();
    expect(body.error?.type).toBe("server_error");
  });

  test("errors carry a request id that matches the response header, and no stack trace", async () => {
    await c.control("faults", { path: `/v3/stacks/*/jobs/*`, status: 500, count: 2 });
    const { body, headers, text } = await c.api(jobPath());
    expect(body.error?.requestId).toBe(headers.get("x-request-id"));
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});
