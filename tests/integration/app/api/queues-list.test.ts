import { afterEach, expect, test } from "vitest";
import { seededConsole } from "../../../support/console";

// No QUEUE_KEY: the console watches every queue of the cluster its stack's default queue belongs to.
const world = seededConsole({ env: { QUEUE_KEY: "" } });
afterEach(() => world.console.control("faults", undefined, "DELETE"));

const list = () => world.console.api(`/api/v1/stacks/${world.console.sim.stackKey}/queues`);

// First, before any read has found the cluster: a failing REST API must not fail the list.
test("when the cluster's queues cannot be read, the default queue is watched and the list says why", async () => {
  await world.console.control("faults", { path: "/v2/organizations/*", status: 500, count: 100 });
  const { status, body } = await list();
  expect(status).toBe(200);
  expect(body.data).toMatchObject({
    queueKeys: ["_default"],
    source: "default",
    unavailable: expect.stringContaining("Could not list the cluster's queues"),
  });
  expect(body.summary.warnings).toEqual([body.data.unavailable]);
});

test("lists every queue of the stack's cluster, the default queue first", async () => {
  const { status, body } = await list();
  expect(status).toBe(200);
  expect(body).toMatchObject({ ok: true, command: "queues.list" });
  expect(body.data).toEqual({
    stackKey: "stack-console",
    queueKeys: ["_default", "linux-large", "macos"],
    source: "discovered",
    unavailable: null,
  });
  expect(body.summary).toMatchObject({ count: 3, source: "discovered" });
});

test("each listed queue can be read, and many viewers cost one upstream list of queues", async () => {
  const before = await world.console.upstreamCalls("GET /v2/organizations/:org/clusters/:cluster/queues");
  const answers = await Promise.all([list(), list(), list()]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  const after = await world.console.upstreamCalls("GET /v2/organizations/:org/clusters/:cluster/queues");
  expect(after - before).toBeLessThanOrEqual(1);

  for (const queueKey of answers[0]?.body.data.queueKeys ?? []) {
    const { status, body } = await world.console.api(`/api/v1/stacks/stack-console/queue?queue=${queueKey}`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      queueKey,
      scheduledCount: expect.any(Number),
      longWaitCount: expect.any(Number),
    });
  }
});
