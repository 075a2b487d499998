import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";
import { metricValue, parseMetrics, type Sample } from "../../../support/metrics-text";
import { captureStdout } from "../../../support/secret-scan";

// GET /api/metrics over real HTTP, with the console calling the simulator as it would call Buildkite: the
// counts below are the console's own calls, checked against what the test made it do.

const TOKEN = "metrics-canary-5c7a9e1f3b2d4068";
let c: TestConsole;
let logged: string[] = [];
/** Every response this file received, status line, headers and body, for the secret scan at the end. */
const seen: string[] = [];

beforeAll(async () => {
  logged = captureStdout();
  c = await startConsole({ env: { METRICS_TOKEN: TOKEN, LOG_LEVEL: "debug", LOG_HTTP_PAYLOADS: "true" } });
});
afterEach(() => c.control("faults", undefined, "DELETE"));
afterAll(async () => {
  vi.restoreAllMocks();
  await c.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(c.origin + path, { headers });
  const text = await response.text();
  seen.push(`${response.status}\n${JSON.stringify([...response.headers])}\n${text}`);
  return { status: response.status, headers: response.headers, text };
}

async function scrape(): Promise<Sample[]> {
  const { status, text } = await get("/api/metrics", { authorization: `Bearer ${TOKEN}` });
  expect(status).toBe(200);
  return parseMetrics(text);
}

async function api(...args: Parameters<TestConsole["api"]>) {
  const response = await c.api(...args);
  seen.push(`${response.status}\n${JSON.stringify([...response.headers])}\n${response.text}`);
  return response;
}

async function firstScheduledJob(): Promise<string> {
  const { body } = await api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=1`);
  return body.data[0].id as string;
}

const stacksJob = { api: "stacks", method: "GET", endpoint: "/stacks/{key}/jobs/{id}" };

describe("who may read the metrics", () => {
  test("without a token: 401 with a Bearer challenge and nothing else", async () => {
    const { status, headers, text } = await get("/api/metrics");
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expect(text).not.toContain("stack_console_");
    expect(text).not.toContain("process_");
  });

  test.each([
    ["a wrong token", `Bearer wrong-token-0123456789abcdef`],
    ["the token with a character more", `Bearer ${TOKEN}x`],
    ["the token cut short", `Bearer ${TOKEN.slice(0, -1)}`],
    ["the token under another scheme", `Basic ${TOKEN}`],
    ["the token alone", TOKEN],
    ["an empty Bearer", "Bearer "],
  ])("with %s: 401, marked as an invalid token", async (_, authorization) => {
    const { status, headers, text } = await get("/api/metrics", { authorization });
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toMatch(/^Bearer realm="metrics", error="invalid_token"$/);
    expect(text).not.toContain("stack_console_");
  });

  test("an operator's identity is not a metrics token", async () => {
    const { status, text } = await get("/api/metrics", identityHeaders("admin"));
    expect(status).toBe(401);
    expect(text).not.toContain("stack_console_");
  });

  test("with the token: Prometheus text, not cached, with Node's process metrics", async () => {
    const { status, headers, text } = await get("/api/metrics", { authorization: `bearer ${TOKEN}` });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    for (const name of [
      "process_cpu_user_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
    ])
      expect(text).toMatch(new RegExp(`^${name} `, "m"));
    expect(text).toContain("# TYPE stack_console_upstream_requests_total counter");
  });
});

describe("what the metrics count", () => {
  test("upstream calls by API, endpoint template and status, never by raw path", async () => {
    const job = await firstScheduledJob();
    const before = await scrape();
    await api(`/api/v1/stacks/${c.sim.stackKey}/jobs/${job}`);
    await api(`/api/v1/stacks/${c.sim.stackKey}/jobs/00000000-0000-4000-8000-00000000abcd`);
    await api("/api/v1/builds?perPage=5");
    const after = await scrape();
    const delta = (labels: Record<string, string>) =>
      metricValue(after, "stack_console_upstream_requests_total", labels) -
      metricValue(before, "stack_console_upstream_requests_total", labels);
    expect(delta({ ...stacksJob, status: "200" })).toBe(1);
    expect(delta({ ...stacksJob, status: "404" })).toBe(1);
    expect(delta({ api: "rest", method: "GET", endpoint: "/organizations/{org}/builds", status: "200" })).toBe(1);

    const endpoints = after.filter((s) => s.labels.endpoint !== undefined).map((s) => s.labels.endpoint ?? "");
    expect(endpoints.length).toBeGreaterThan(0);
    for (const endpoint of endpoints) expect(endpoint).toMatch(/^(\/([a-z_-]+|\{[a-z]+\}))+$/);
    const text = after.map((s) => JSON.stringify(s)).join("\n");
    expect(text).not.toContain(job);
  });

  test("a 429 from Buildkite is counted, and so is the retry it caused", async () => {
    const job = await firstScheduledJob();
    const before = await scrape();
    await c.control("faults", { path: "/v3/stacks/*/jobs/*", status: 429, retryAfter: 0, count: 1 });
    const { status } = await api(`/api/v1/stacks/${c.sim.stackKey}/jobs/${job}`);
    expect(status).toBe(200);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(delta("stack_console_upstream_rate_limited_total", stacksJob)).toBe(1);
    expect(delta("stack_console_upstream_retries_total", { ...stacksJob, reason: "429" })).toBe(1);
    expect(delta("stack_console_upstream_requests_total", { ...stacksJob, status: "429" })).toBe(1);
    expect(delta("stack_console_upstream_requests_total", { ...stacksJob, status: "200" })).toBe(1);
  });

  test("a dropped connection is counted as a network failure and retried", async () => {
    const job = await firstScheduledJob();
    const before = await scrape();
    await c.control("faults", { path: "/v3/stacks/*/jobs/*", mode: "reset", count: 1 });
    expect((await api(`/api/v1/stacks/${c.sim.stackKey}/jobs/${job}`)).status).toBe(200);
    const after = await scrape();
    const labels = { ...stacksJob, status: "network" };
    expect(
      metricValue(after, "stack_console_upstream_requests_total", labels) -
        metricValue(before, "stack_console_upstream_requests_total", labels),
    ).toBe(1);
    const retry = { ...stacksJob, reason: "network" };
    expect(
      metricValue(after, "stack_console_upstream_retries_total", retry) -
        metricValue(before, "stack_console_upstream_retries_total", retry),
    ).toBe(1);
  });

  test("the remaining rate-limit budget Buildkite reports, per API", async () => {
    await firstScheduledJob();
    await api("/api/v1/builds?perPage=5");
    const after = await scrape();
    const stacks = after.find(
      (s) => s.name === "stack_console_upstream_rate_limit_remaining" && s.labels.api === "stacks",
    );
    const rest = after.find((s) => s.name === "stack_console_upstream_rate_limit_remaining" && s.labels.api === "rest");
    expect(stacks?.labels.endpoint).toBe("/stacks/{key}/scheduled-jobs");
    expect(rest?.value).toBeGreaterThan(0);
    expect(rest?.value).toBeLessThan(50);
  });

  test("shared reads: concurrent viewers of a queue are one miss and the rest hits", async () => {
    const before = await scrape();
    await Promise.all(
      (["admin", "operator", "viewer"] as const).map((as) => api(`/api/v1/stacks/${c.sim.stackKey}/queue`, { as })),
    );
    const after = await scrape();
    const delta = (result: string) =>
      metricValue(after, "stack_console_shared_reads_total", { read: "queue_snapshot", result }) -
      metricValue(before, "stack_console_shared_reads_total", { read: "queue_snapshot", result });
    expect(delta("hit") + delta("miss")).toBe(3);
    expect(delta("miss")).toBeLessThanOrEqual(1);
  });

  test("poll freshness of the queue's snapshot, and the operators polling live views", async () => {
    await Promise.all(
      (["admin", "viewer"] as const).map((as) => api(`/api/v1/stacks/${c.sim.stackKey}/queue`, { as })),
    );
    const after = await scrape();
    const queue = { stack: c.sim.stackKey, queue: c.sim.queueKey };
    const fetchedAt = metricValue(after, "stack_console_queue_snapshot_timestamp_seconds", queue);
    expect(fetchedAt).toBeGreaterThan(0);
    expect(fetchedAt).toBeLessThanOrEqual(Date.now() / 1000);
    expect(
      after.some((s) => s.name === "stack_console_queue_snapshot_age_seconds" && s.labels.queue === queue.queue),
    ).toBe(true);
    expect(metricValue(after, "stack_console_live_viewers_last_minute")).toBeGreaterThanOrEqual(2);
  });

  test("audit writes and outcomes after a change", async () => {
    const job = await firstScheduledJob();
    const before = await scrape();
    const reserve = await api(`/api/v1/stacks/${c.sim.stackKey}/reservations`, {
      body: { jobIds: [job], expirySeconds: 60 },
    });
    expect(reserve.status).toBe(200);
    await c.control("faults", { path: "/v3/stacks/*/jobs/*/finish", status: 422, count: 1 });
    const finish = await api(`/api/v1/stacks/${c.sim.stackKey}/jobs/${job}/finish`, { body: { detail: "metrics" } });
    expect(finish.body.ok).toBe(false);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      metricValue(after, name, labels) - metricValue(before, name, labels);
    const writes = "stack_console_audit_writes_total";
    expect(delta(writes, { action: "jobs.reserve", step: "intent", result: "written" })).toBe(1);
    expect(delta(writes, { action: "jobs.reserve", step: "outcome", result: "written" })).toBe(1);
    expect(delta(writes, { action: "jobs.finish", step: "outcome", result: "written" })).toBe(1);
    expect(delta(writes, { result: "failed" })).toBe(0);
    expect(delta("stack_console_audit_outcomes_total", { action: "jobs.reserve", outcome: "ok" })).toBe(1);
    expect(delta("stack_console_audit_outcomes_total", { action: "jobs.finish", outcome: "failed" })).toBe(1);
  });
});

test("the token appears in no response and no log line", () => {
  expect(seen.length).toBeGreaterThan(20);
  expect(seen.filter((text) => text.includes(TOKEN))).toEqual([]);
  const logText = logged.join("");
  expect(logText).toContain("metrics refused");
  expect(logText.includes(TOKEN)).toBe(false);
  expect(logText).not.toMatch(/canary-5c7a/);
});
