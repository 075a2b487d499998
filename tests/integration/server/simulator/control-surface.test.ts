import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { post, put, startHarness, type Harness } from "./sim-harness";

let h: Harness;
beforeEach(async () => {
  h ??= await startHarness();
  await h.control("reset");
});
afterAll(() => h.sim.close());

interface Stats {
  requests: Record<string, number>;
  jobs: Record<string, number>;
}
const stats = async (): Promise<Stats> => (await (await h.control("stats", undefined, "GET")).json()) as Stats;
const LIST = "/stacks/stack-console/scheduled-jobs?queue_key=_default";

describe("stats", () => {
  it("counts every request that reached a route by pattern, including 401, 429 and faulted ones", async () => {
    await h.api(LIST);
    await h.api(LIST.replace("stack-console", "ghost"));
    await fetch(`${h.sim.agentApiUrl}${LIST}`);
    await h.api("/stacks/stack-console/scheduled-jobs/batch-reserve", put({ job_uuids: [] }));
    await h.api("/stacks/stack-console/jobs/abc");
    await h.control("faults", { path: "/v3/stacks/*/jobs/get-states", status: 503 });
    await h.api("/stacks/stack-console/jobs/get-states", post({ job_uuids: [] }));
    await h.api("/stacks/stack-console/nowhere");
    expect((await stats()).requests).toEqual({
      "GET /v3/stacks/:key/scheduled-jobs": 3,
      "PUT /v3/stacks/:key/scheduled-jobs/batch-reserve": 1,
      "GET /v3/stacks/:key/jobs/:uuid": 1,
      "POST /v3/stacks/:key/jobs/get-states": 1,
    });
  });

  it("counts jobs by state, and the counts follow reservations and finishes", async () => {
    const before = (await stats()).jobs;
    expect(before.scheduled).toBe(48);
    expect(before.reserved).toBe(0);
    const [a, b] = await h.listIds();
    await h.api("/stacks/stack-console/scheduled-jobs/batch-reserve", put({ job_uuids: [a] }));
    await h.api(`/stacks/stack-console/jobs/${b}/finish`, post({ detail: "x" }));
    const after = (await stats()).jobs;
    expect(after).toMatchObject({
      scheduled: 46,
      reserved: 1,
      finished: (before.finished ?? 0) + 1,
      running: before.running,
    });
  });
});

describe("reset", () => {
  it("restores the seeded jobs and clears stats, faults, clock offset and new jobs", async () => {
    const seeded = await h.listIds();
    const [a] = seeded;
    await h.api(`/stacks/stack-console/jobs/${a}/finish`, post({ detail: "x" }));
    await h.control("jobs", { count: 5 });
    await h.control("faults", { path: "/v3/*", status: 500, count: 100 });
    await h.control("clock", { advanceMs: 3_600_000 });
    await h.control("queue", { paused: true });
    await h.control("reset");
    expect(await h.listIds()).toEqual(seeded);
    const body = (await (await h.api(LIST)).json()) as { cluster_queue: { dispatch_paused: boolean } };
    expect(body.cluster_queue.dispatch_paused).toBe(false);
    expect(await (await h.control("faults", undefined, "GET")).json()).toEqual({ faults: [] });
    const { now } = (await (await h.control("clock", { advanceMs: 0 })).json()) as { now: string };
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
    await h.control("reset");
    expect((await stats()).requests).toEqual({});
  });
});

describe("clock, jobs and activity levers", () => {
  it("advances simulated time and returns it", async () => {
    const first = (await (await h.control("clock", { advanceMs: 0 })).json()) as { now: string };
    const later = (await (await h.control("clock", { advanceMs: 7_200_000 })).json()) as { now: string };
    expect(Date.parse(later.now) - Date.parse(first.now)).toBeGreaterThanOrEqual(7_200_000);
    expect((await h.control("clock", { advanceMs: -1 })).status).toBe(422);
  });

  it("schedules new jobs at the end of the list on the chosen queue and pipeline", async () => {
    const response = await h.control("jobs", { count: 3, queueKey: "linux-large", pipeline: "api" });
    expect(response.status).toBe(200);
    const { ids } = (await response.json()) as { ids: string[] };
    expect(ids).toHaveLength(3);
    const list = (await (await h.api("/stacks/stack-console/scheduled-jobs?queue_key=linux-large")).json()) as {
      jobs: { id: string; pipeline: { slug: string } }[];
    };
    expect(list.jobs.slice(-3).map((job) => job.id)).toEqual(ids);
    expect(list.jobs.slice(-3).every((job) => job.pipeline.slug === "api")).toBe(true);
  });

  it.each([
    [{ count: 0 }, 422],
    [{ count: 5001 }, 422],
    [{ count: 1, queueKey: "nope" }, 404],
    [{ count: 1, pipeline: "nope" }, 404],
  ])("rejects %j", async (body, status) => {
    expect((await h.control("jobs", body)).status).toBe(status);
  });

  it("switches activity on and off", async () => {
    expect(await (await h.control("activity", { on: true })).json()).toEqual({ on: true });
    expect(await (await h.control("activity", { on: false })).json()).toEqual({ on: false });
    expect((await h.control("activity", {})).status).toBe(422);
  });

  it("answers unknown control routes with 404 and wrong methods with 405", async () => {
    expect((await h.control("nothing")).status).toBe(404);
    expect((await h.control("stats", {}, "POST")).status).toBe(405);
  });

  it("refuses non-loopback callers with 403", async () => {
    const { simulator } = h.sim;
    const remote = await simulator.handle(new Request("http://sim.test/__sim/stats"), { remoteAddress: "10.1.2.3" });
    expect(remote.status).toBe(403);
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await simulator.handle(new Request("http://sim.test/__sim/stats"), { remoteAddress })).status).toBe(200);
    }
  });
});

describe("faults", () => {
  it("answers with the armed status and Retry-After for `count` requests, then recovers", async () => {
    await h.control("faults", {
      method: "GET",
      path: "/v3/stacks/*/scheduled-jobs",
      status: 429,
      retryAfter: 3,
      count: 2,
    });
    const listed = (await (await h.control("faults", undefined, "GET")).json()) as { faults: { remaining: number }[] };
    expect(listed.faults).toMatchObject([{ remaining: 2, status: 429, retryAfter: 3 }]);
    for (let i = 0; i < 2; i++) {
      const response = await h.api(LIST);
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("3");
      expect(await response.json()).toEqual({ message: "Too Many Requests" });
    }
    expect((await h.api(LIST)).status).toBe(200);
    expect(await (await h.control("faults", undefined, "GET")).json()).toEqual({ faults: [] });
  });

  it("matches the method and the exact path when there is no wildcard", async () => {
    await h.control("faults", { method: "POST", path: "/v3/stacks/stack-console/scheduled-jobs", status: 503 });
    expect((await h.api(LIST)).status).toBe(200);
    await h.control("faults", { path: "/v3/stacks/stack-console/scheduled-jobs", status: 503 });
    expect((await h.api(`/stacks/other/scheduled-jobs?queue_key=_default`)).status).toBe(404);
    expect((await h.api(LIST)).status).toBe(503);
  });

  it("destroys the connection in reset mode", async () => {
    await h.control("faults", { path: "/v3/stacks/stack-console/scheduled-jobs", mode: "reset" });
    await expect(h.api(LIST)).rejects.toThrow();
    expect((await h.api(LIST)).status).toBe(200);
  });

  it("answers 200 with a body that is not JSON in malformed mode", async () => {
    await h.control("faults", { path: "/v3/*", mode: "malformed" });
    const response = await h.api(LIST);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it("delays a request without failing it, so a later request overtakes it", async () => {
    await h.control("faults", { path: "/v3/stacks/stack-console/jobs/get-states", delayMs: 400 });
    const order: string[] = [];
    const slow = h.api("/stacks/stack-console/jobs/get-states", post({ job_uuids: [] })).then((response) => {
      order.push("delayed");
      return response;
    });
    const fast = h.api(LIST).then(() => order.push("direct"));
    const [response] = await Promise.all([slow, fast]);
    expect(response.status).toBe(200);
    expect(order).toEqual(["direct", "delayed"]);
  });

  it("combines a delay with a status", async () => {
    await h.control("faults", { path: "/v3/*", delayMs: 20, status: 502 });
    expect((await h.api(LIST)).status).toBe(502);
  });

  it("clears armed faults on DELETE and validates specs", async () => {
    await h.control("faults", { path: "/v3/*", status: 500, count: 5 });
    expect(await (await h.control("faults", undefined, "DELETE")).json()).toEqual({ cleared: 1 });
    expect((await h.api(LIST)).status).toBe(200);
    expect((await h.control("faults", { path: "/v3/*" })).status).toBe(422);
    expect((await h.control("faults", { path: "/v3/*", status: 500, mode: "reset" })).status).toBe(422);
    expect((await h.control("faults", { status: 500 })).status).toBe(422);
  });
});
