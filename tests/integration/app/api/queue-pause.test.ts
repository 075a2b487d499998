import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startConsole, type ApiBody, type TestConsole } from "../../../support/console";

// queue.get enriches a paused queue with who paused it, when and why from the REST API; any failure
// there leaves the header working with `pause: null` and a warning naming why.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole();
});
beforeEach(() => c.control("reset", {}));
afterEach(() => c.control("faults", undefined, "DELETE"));
afterAll(() => c.close());

const QUEUE_READ = "GET /v2/organizations/:org/clusters/:cluster/queues/:id";
const CLUSTER_LIST = "GET /v2/organizations/:org/clusters";
const queuePath = () => `/api/v1/stacks/${c.sim.stackKey}/queue?queue=_default`;

/** Reads queue.get until it matches: the console reuses a read for one poll interval (1 s here). */
async function until(predicate: (body: ApiBody) => boolean): Promise<ApiBody> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { status, body } = await c.api(queuePath());
    expect(status).toBe(200);
    if (predicate(body)) return body;
    if (Date.now() > deadline) throw new Error(`queue.get never matched; last data: ${JSON.stringify(body.data)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("queue.get pause details", () => {
  test("a paused queue says who paused it, when and why", async () => {
    const paused = await c.control<{ at: string; id: string }>("queue", {
      paused: true,
      note: "db migration",
      by: "Ada",
    });
    const body = await until((b) => b.data.dispatchPaused === true);
    expect(body.data.clusterQueueId).toBe(paused.id);
    expect(body.data.pause).toEqual({
      by: { name: "Ada", email: "ada@acme.example" },
      at: paused.at,
      note: "db migration",
    });
    expect(body.data.pauseUnavailable).toBeNull();
    expect(body.summary.warnings).toEqual([]);
  });

  test("a dispatching queue has no pause details and costs no REST call", async () => {
    const before = await c.upstreamCalls(QUEUE_READ);
    const body = await until((b) => b.data.dispatchPaused === false);
    expect(body.data.pause).toBeNull();
    expect(body.data.pauseUnavailable).toBeNull();
    expect(await c.upstreamCalls(QUEUE_READ)).toBe(before);
  });

  test("a token without read_clusters leaves the header working and says why", async () => {
    await c.control("queue", { paused: true, note: "db migration", by: "Ada" });
    await c.control("faults", { path: "/v2/organizations/*", status: 403, count: 100 });
    const body = await until((b) => b.data.pauseUnavailable !== null);
    expect(body.ok).toBe(true);
    expect(body.data).toMatchObject({
      dispatchPaused: true,
      pause: null,
      pauseUnavailable: { reason: "missing_scope" },
    });
    expect(body.data.scheduledCount).toBeGreaterThan(0);
    expect(body.summary.warnings).toEqual([expect.stringContaining("read_clusters")]);
  });

  test("a REST outage leaves the header working and names the failure", async () => {
    await c.control("queue", { paused: true, by: "Ada" });
    await c.control("faults", { path: "/v2/organizations/*", status: 500, count: 100 });
    const body = await until((b) => b.data.pauseUnavailable !== null);
    expect(body.data).toMatchObject({ dispatchPaused: true, pause: null, pauseUnavailable: { reason: "failed" } });
    expect(body.summary.warnings).toEqual([expect.stringContaining("Could not read the cluster queue")]);

    await c.control("faults", undefined, "DELETE");
    const recovered = await until((b) => b.data.pause !== null);
    expect(recovered.data.pause).toEqual({
      by: { name: "Ada", email: "ada@acme.example" },
      at: expect.any(String),
      note: null,
    });
  });

  test("many viewers of a paused queue cost one REST read per poll interval", async () => {
    await c.control("queue", { paused: true, note: "db migration", by: "Ada" });
    await until((b) => b.data.pause !== null);
    const lookups = await c.upstreamCalls(CLUSTER_LIST);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const before = await c.upstreamCalls(QUEUE_READ);
    const responses = await Promise.all(Array.from({ length: 10 }, () => c.api(queuePath())));
    expect(responses.every((r) => r.body.data.pause?.note === "db migration")).toBe(true);
    expect(await c.upstreamCalls(QUEUE_READ)).toBe(before + 1);
    // Which cluster holds the queue is looked up once per process, not per poll.
    expect(await c.upstreamCalls(CLUSTER_LIST)).toBe(lookups);
  });
});
