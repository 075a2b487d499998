import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import packageJson from "@/package.json";
import { createStacksClient, type StacksClientOptions } from "@/server/buildkite/stacks";

import { startStubServer, type StubServer } from "./stub-server";

const token = "bkct_wire_test_token_0123456789";
const jobId = "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11";
const version = packageJson.version;

let stub: StubServer;
let dispatcher: Agent;

beforeAll(async () => {
  stub = await startStubServer();
  dispatcher = new Agent();
});
afterAll(async () => {
  await dispatcher.close();
  await stub.close();
});
beforeEach(() => stub.reset());

function client(overrides: Partial<StacksClientOptions> = {}) {
  return createStacksClient({
    baseUrl: `${stub.origin}/v3`,
    token,
    dispatcher,
    retry: { baseDelayMs: 1, jitterMinMs: 0, jitterMaxMs: 1, sleep: async () => {} },
    ...overrides,
  });
}

function only() {
  expect(stub.requests).toHaveLength(1);
  const request = stub.requests[0];
  if (!request) throw new Error("no request recorded");
  return request;
}

const page = JSON.stringify({
  jobs: [],
  cluster_queue: { id: "q", dispatch_paused: false },
  page_info: { has_next_page: false, end_cursor: null },
});

describe("Stacks client wire format", () => {
  it("sends auth, content negotiation and user agent on every request", async () => {
    stub.fallback = { status: 204 };
    await client({ userAgentPrefix: "acme/1.0" }).deregisterStack("console");
    const { headers } = only();
    expect(headers.authorization).toBe(`Token ${token}`);
    expect(headers.accept).toBe("application/json");
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe(`acme/1.0 stack-console/${version}`);
  });

  it("registers with snake_case keys and reports created from the status", async () => {
    const stack = {
      id: "s1",
      organization_uuid: "o1",
      cluster_queue_key: "_default",
      key: "console",
      type: "custom",
      metadata: { owner: "oncall" },
      last_connected_on: null,
      state: "connected",
    };
    stub.reply({ status: 201, body: JSON.stringify(stack) }, { status: 200, body: JSON.stringify(stack) });
    const input = { key: "console", type: "custom" as const, queueKey: "_default", metadata: { owner: "oncall" } };
    const first = await client().registerStack(input);
    const second = await client().registerStack(input);
    expect(first.data.created).toBe(true);
    expect(second.data.created).toBe(false);
    expect(first.data.stack).toMatchObject({ id: "s1", queueKey: "_default", state: "connected" });
    expect(first.raw).toEqual(stack);
    expect(stub.requests[0]).toMatchObject({
      method: "POST",
      url: "/v3/stacks/register",
      body: '{"key":"console","type":"custom","queue_key":"_default","metadata":{"owner":"oncall"}}',
    });
  });

  it("deregisters with no body and escapes dots as %2E", async () => {
    stub.fallback = { status: 204 };
    const result = await client({ baseUrl: `${stub.origin}/v3/` }).deregisterStack("my.stack");
    expect(result.data).toBeNull();
    expect(result.status).toBe(204);
    const request = only();
    expect(request).toMatchObject({ method: "POST", url: "/v3/stacks/my%2Estack/deregister", body: "" });
    expect(request.headers["transfer-encoding"]).toBeUndefined();
    expect(request.headers["content-length"] ?? "0").toBe("0");
  });

  it("lists with queue_key only when limit and after are unset", async () => {
    stub.fallback = { status: 200, body: page };
    await client().listScheduledJobs({ stackKey: "console", queueKey: "_default" });
    expect(only()).toMatchObject({
      method: "GET",
      url: "/v3/stacks/console/scheduled-jobs?queue_key=_default",
      body: "",
    });
  });

  it("lists with limit and after when set, escaping the query", async () => {
    stub.fallback = { status: 200, body: page };
    await client().listScheduledJobs({ stackKey: "a b/ü", queueKey: "linux large", limit: 50, after: "c=1&x" });
    expect(only().url).toBe("/v3/stacks/a%20b%2F%C3%BC/scheduled-jobs?queue_key=linux+large&limit=50&after=c%3D1%26x");
  });

  it("gets a job by escaped id", async () => {
    stub.fallback = { status: 200, body: JSON.stringify({ id: jobId, env: { A: "1" }, command: "make" }) };
    const result = await client().getJob({ stackKey: "console", jobId });
    expect(result.data).toEqual({ id: jobId, env: { A: "1" }, command: "make" });
    expect(only()).toMatchObject({ method: "GET", url: `/v3/stacks/console/jobs/${jobId}` });
  });

  it("reserves with PUT, sending the expiry only when given", async () => {
    stub.fallback = { status: 200, body: '{"reserved":["a"],"not_reserved":["b"]}' };
    const result = await client().reserveJobs({ stackKey: "console", jobIds: ["a", "b"] });
    await client().reserveJobs({ stackKey: "console", jobIds: ["a"], expirySeconds: 600 });
    expect(result.data).toEqual({ reserved: ["a"], notReserved: ["b"] });
    expect(stub.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["PUT", "/v3/stacks/console/scheduled-jobs/batch-reserve", '{"job_uuids":["a","b"]}'],
      [
        "PUT",
        "/v3/stacks/console/scheduled-jobs/batch-reserve",
        '{"job_uuids":["a"],"reservation_expiry_seconds":600}',
      ],
    ]);
  });

  it("loads job states with POST", async () => {
    stub.fallback = { status: 200, body: '{"states":{"a":"scheduled"}}' };
    const result = await client().getJobStates({ stackKey: "console", jobIds: ["a", "zz"] });
    expect(result.data).toEqual({ states: { a: "scheduled" } });
    expect(only()).toMatchObject({
      method: "POST",
      url: "/v3/stacks/console/jobs/get-states",
      body: '{"job_uuids":["a","zz"]}',
    });
  });

  it("finishes sending exit_status 0, omitting it only when undefined, ignoring the body", async () => {
    stub.reply({ status: 200, body: "not json at all" }, { status: 204 });
    const zero = await client().finishJob({ stackKey: "console", jobId, exitStatus: 0, detail: "done" });
    const unset = await client().finishJob({ stackKey: "console", jobId, detail: "gave up" });
    expect([zero.status, unset.status]).toEqual([200, 204]);
    expect(zero.attempts).toBe(1);
    expect(stub.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", `/v3/stacks/console/jobs/${jobId}/finish`, '{"exit_status":0,"detail":"done"}'],
      ["POST", `/v3/stacks/console/jobs/${jobId}/finish`, '{"detail":"gave up"}'],
    ]);
  });

  it("crops an over-long finish detail on the wire", async () => {
    stub.fallback = { status: 204 };
    await client().finishJob({ stackKey: "console", jobId, exitStatus: -1, detail: "x".repeat(9000) });
    const body = JSON.parse(only().body) as { detail: string };
    expect(Buffer.byteLength(body.detail)).toBeLessThanOrEqual(4096);
    expect(body.detail.endsWith("(Message was cropped because it exceeded the max size)")).toBe(true);
  });

  it("creates notifications with job_uuid and an ISO timestamp only when given", async () => {
    stub.fallback = { status: 200, body: '{"errors":[{"error":"limit","indexes":[1]}]}' };
    const result = await client().createNotifications({
      stackKey: "console",
      notifications: [
        { jobId: "a", detail: "starting", timestamp: new Date("2026-11-20T09:14:03.512Z") },
        { jobId: "b", detail: "waiting" },
      ],
    });
    expect(result.data.errors).toEqual([{ error: "limit", indexes: [1] }]);
    expect(only()).toMatchObject({
      method: "POST",
      url: "/v3/stacks/console/notifications",
      body:
        '{"notifications":[{"job_uuid":"a","detail":"starting","timestamp":"2026-11-20T09:14:03.512Z"},' +
        '{"job_uuid":"b","detail":"waiting"}]}',
    });
  });

  it("pages through end_cursor until has_next_page is false", async () => {
    const pageWith = (id: string, next: boolean, cursor: string | null) =>
      JSON.stringify({
        jobs: [{ id, priority: 0, agent_query_rules: [], scheduled_at: "2026-11-20T09:00:00Z", pipeline_slug: "web" }],
        cluster_queue: { id: "q", paused: true },
        page_info: { has_next_page: next, end_cursor: cursor },
      });
    stub.reply(
      { status: 200, body: pageWith("j1", true, "c1") },
      { status: 200, body: pageWith("j2", true, "c2") },
      { status: 200, body: pageWith("j3", false, null) },
    );
    const ids: string[] = [];
    for await (const result of client().scheduledJobPages({
      stackKey: "console",
      queueKey: "_default",
      limit: 1,
      maxPages: 10,
    })) {
      ids.push(...result.data.jobs.map((job) => job.id));
      expect(result.data.clusterQueue.dispatchPaused).toBe(true);
    }
    expect(ids).toEqual(["j1", "j2", "j3"]);
    expect(stub.requests.map((r) => r.url)).toEqual([
      "/v3/stacks/console/scheduled-jobs?queue_key=_default&limit=1",
      "/v3/stacks/console/scheduled-jobs?queue_key=_default&limit=1&after=c1",
      "/v3/stacks/console/scheduled-jobs?queue_key=_default&limit=1&after=c2",
    ]);
  });

  it("stops paging at maxPages and at a null cursor", async () => {
    const body = (cursor: string | null) =>
      JSON.stringify({ jobs: [], cluster_queue: { id: null }, page_info: { has_next_page: true, end_cursor: cursor } });
    stub.fallback = { status: 200, body: body("again") };
    const pages = [];
    for await (const result of client().scheduledJobPages({ stackKey: "k", queueKey: "q", maxPages: 2 }))
      pages.push(result);
    expect(pages).toHaveLength(2);

    stub.reset();
    stub.fallback = { status: 200, body: body(null) };
    let count = 0;
    for await (const _ of client().scheduledJobPages({ stackKey: "k", queueKey: "q", maxPages: 5 })) count++;
    expect(count).toBe(1);
  });
});
