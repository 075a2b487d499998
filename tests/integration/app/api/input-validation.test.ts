import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
let stack: string;
const job = "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11";

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
});
afterAll(() => c.close());

const totalUpstreamCalls = () => c.upstreamTotal();

const manyIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `0190f3a2-5c1e-7d7a-9e51-${String(i).padStart(12, "0")}`);

type Case = { name: string; path: () => string; body?: unknown; field: string };

const cases: Case[] = [
  { name: "queue.get: bad stack key", path: () => "/api/v1/stacks/bad%20key/queue", field: "params.key" },
  { name: "queue.get: bad queue key", path: () => `/api/v1/stacks/${stack}/queue?queue=a%20b`, field: "query.queue" },
  {
    name: "jobs.scheduled.list: limit 0",
    path: () => `/api/v1/stacks/${stack}/scheduled-jobs?limit=0`,
    field: "query.limit",
  },
  {
    name: "jobs.scheduled.list: limit 1001",
    path: () => `/api/v1/stacks/${stack}/scheduled-jobs?limit=1001`,
    field: "query.limit",
  },
  {
    name: "jobs.scheduled.list: limit not a number",
    path: () => `/api/v1/stacks/${stack}/scheduled-jobs?limit=ten`,
    field: "query.limit",
  },
  { name: "jobs.get: id not a UUID", path: () => `/api/v1/stacks/${stack}/jobs/not-a-uuid`, field: "params.jobId" },
  {
    name: "jobs.reserve: no ids",
    path: () => `/api/v1/stacks/${stack}/reservations`,
    body: { jobIds: [] },
    field: "body.jobIds",
  },
  {
    name: "jobs.reserve: duplicate ids",
    path: () => `/api/v1/stacks/${stack}/reservations`,
    body: { jobIds: [job, job] },
    field: "body.jobIds",
  },
  {
    name: "jobs.reserve: 5001 ids",
    path: () => `/api/v1/stacks/${stack}/reservations`,
    body: { jobIds: manyIds(5001) },
    field: "body.jobIds",
  },
  {
    name: "jobs.states: 1001 ids",
    path: () => `/api/v1/stacks/${stack}/job-states`,
    body: { jobIds: manyIds(1001) },
    field: "body.jobIds",
  },
  {
    name: "jobs.finish.bulk: 5001 ids",
    path: () => `/api/v1/stacks/${stack}/bulk-finish`,
    body: { jobIds: manyIds(5001), detail: "x" },
    field: "body.jobIds",
  },
  {
    name: "jobs.finish.bulk: no reason",
    path: () => `/api/v1/stacks/${stack}/bulk-finish`,
    body: { jobIds: [job] },
    field: "body.detail",
  },
  {
    name: "jobs.scheduled.list: a cursor no page handed out",
    path: () => `/api/v1/stacks/${stack}/scheduled-jobs?after=%F0%9F%99%82%20x`,
    field: "query.after",
  },
  {
    name: "builds.list: deeper than Buildkite lists",
    path: () => "/api/v1/builds?page=400&perPage=30",
    field: "query.page",
  },
  {
    name: "jobs.scheduled.list: all=yes",
    path: () => `/api/v1/stacks/${stack}/scheduled-jobs?all=yes`,
    field: "query.all",
  },
  { name: "jobs.history: bad job id", path: () => `/api/v1/stacks/${stack}/jobs/x/history`, field: "params.jobId" },
  {
    name: "jobs.reserve: expiry 3601",
    path: () => `/api/v1/stacks/${stack}/reservations`,
    body: { jobIds: [job], expirySeconds: 3601 },
    field: "body.expirySeconds",
  },
  {
    name: "jobs.reserve: expiry 0",
    path: () => `/api/v1/stacks/${stack}/reservations`,
    body: { jobIds: [job], expirySeconds: 0 },
    field: "body.expirySeconds",
  },
  {
    name: "jobs.states: bad id",
    path: () => `/api/v1/stacks/${stack}/job-states`,
    body: { jobIds: [job, "nope"] },
    field: "body.jobIds[1]",
  },
  {
    name: "jobs.finish: empty detail",
    path: () => `/api/v1/stacks/${stack}/jobs/${job}/finish`,
    body: { detail: "  " },
    field: "body.detail",
  },
  {
    name: "jobs.finish: detail over 4096 bytes",
    path: () => `/api/v1/stacks/${stack}/jobs/${job}/finish`,
    body: { detail: "é".repeat(2049) },
    field: "body.detail",
  },
  {
    name: "jobs.finish: fractional exit status",
    path: () => `/api/v1/stacks/${stack}/jobs/${job}/finish`,
    body: { detail: "x", exitStatus: 1.5 },
    field: "body.exitStatus",
  },
  {
    name: "jobs.finish: bad job id",
    path: () => `/api/v1/stacks/${stack}/jobs/123/finish`,
    body: { detail: "x" },
    field: "params.jobId",
  },
  {
    name: "jobs.notify: none",
    path: () => `/api/v1/stacks/${stack}/notifications`,
    body: { notifications: [] },
    field: "body.notifications",
  },
  {
    name: "jobs.notify: 257 characters",
    path: () => `/api/v1/stacks/${stack}/notifications`,
    body: { notifications: [{ jobId: job, detail: "x".repeat(257) }] },
    field: "body.notifications[0].detail",
  },
  {
    name: "jobs.notify: no room for the operator's name",
    path: () => `/api/v1/stacks/${stack}/notifications`,
    body: { notifications: [{ jobId: job, detail: "x".repeat(250) }] },
    field: "body.notifications[0].detail",
  },
  {
    name: "stacks.register: bad key",
    path: () => "/api/v1/stacks",
    body: { key: "a b", queueKey: "_default" },
    field: "body.key",
  },
  {
    name: "stacks.register: reserved type",
    path: () => "/api/v1/stacks",
    body: { key: "ok", type: "kubernetes", queueKey: "_default" },
    field: "body.type",
  },
  { name: "stacks.register: missing queue", path: () => "/api/v1/stacks", body: { key: "ok" }, field: "body.queueKey" },
  {
    name: "stacks.register: metadata value too long",
    path: () => "/api/v1/stacks",
    body: { key: "ok", queueKey: "q", metadata: { a: "v".repeat(257) } },
    field: "body.metadata.a",
  },
  { name: "stacks.register: body is not JSON", path: () => "/api/v1/stacks", body: "{nope", field: "body" },
  {
    name: "stacks.deregister: key too long",
    path: () => `/api/v1/stacks/${"k".repeat(81)}/deregister`,
    body: {},
    field: "params.key",
  },
];

describe("bad input gets a validation_error naming the field, and never reaches Buildkite", () => {
  test.each(cases)("$name", async ({ path, body, field }) => {
    const before = await totalUpstreamCalls();
    const response = await c.api(path(), body === undefined ? {} : { body });
    expect(response.status).toBe(400);
    expect(response.body.ok).toBe(false);
    expect(response.body.error).toMatchObject({
      type: "validation_error",
      retryable: false,
      details: { source: "console", field },
    });
    expect(response.body.error?.message.startsWith(`${field}:`)).toBe(true);
    expect(await totalUpstreamCalls()).toBe(before);
  });
});

describe("the envelope's request is the input the command used", () => {
  test("the path names the stack even when the body says otherwise, and unknown fields are dropped", async () => {
    const { status, body } = await c.api(`/api/v1/stacks/${stack}/job-states?junk=1`, {
      body: { jobIds: [job], key: "another-stack", junk: true },
    });
    expect(status).toBe(200);
    expect(body.request).toEqual({ key: stack, jobIds: [job] });
  });

  test("refused input is not echoed: only the parts that passed validation are", async () => {
    const { status, body } = await c.api(`/api/v1/stacks/${stack}/job-states`, {
      body: { jobIds: ["nope"], key: "another-stack", ["__proto__"]: 1 },
    });
    expect(status).toBe(400);
    expect(body.request).toEqual({ key: stack });
  });
});
