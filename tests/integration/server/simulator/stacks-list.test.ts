import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type ListBody } from "./sim-harness";

let h: Harness;
beforeEach(async () => {
  h ??= await startHarness();
  await h.control("reset");
});
afterAll(() => h.sim.close());

const list = async (query: string, stack = "stack-console"): Promise<{ status: number; body: ListBody }> => {
  const response = await h.api(`/stacks/${stack}/scheduled-jobs?${query}`);
  return { status: response.status, body: (await response.json()) as ListBody };
};

describe("list scheduled jobs", () => {
  it("returns seeded jobs oldest first in the current shape", async () => {
    const { status, body } = await list("queue_key=_default");
    expect(status).toBe(200);
    // 40 seeded, plus the 2 whose agent query rules no agent satisfies.
    expect(body.jobs).toHaveLength(42);
    expect(body.cluster_queue).toEqual({ id: expect.any(String), dispatch_paused: false });
    expect(body.page_info.has_next_page).toBe(false);
    const times = body.jobs.map((job) => Date.parse(job.scheduled_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const job of body.jobs) {
      expect(job.scheduled_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(job).toMatchObject({
        pipeline: { slug: expect.any(String), uuid: expect.any(String) },
        step: expect.any(Object),
        build: expect.any(Object),
      });
      expect(job.agent_query_rules).toContain("queue=_default");
      expect(typeof job.priority).toBe("number");
    }
  });

  it("includes the awkward cases a client must survive", async () => {
    const { body } = await list("queue_key=_default");
    const now = Date.now();
    const waits = body.jobs.map((job) => now - Date.parse(job.scheduled_at));
    const longWaits = waits.filter((wait) => wait > 20 * 60_000).length;
    expect(longWaits).toBeGreaterThanOrEqual(1);
    expect(longWaits).toBeLessThanOrEqual(2);
    expect(Math.max(...waits)).toBeLessThan(31 * 60_000);
    expect(body.jobs.some((job) => job.build.branch === null)).toBe(true);
    expect(body.jobs.some((job) => job.step.key === null)).toBe(true);
    expect(body.jobs.some((job) => !("runnable_at" in job))).toBe(true);
    expect(body.jobs.some((job) => job.runnable_at !== undefined)).toBe(true);
    expect(new Set(body.jobs.map((job) => job.priority)).size).toBeGreaterThan(1);
  });

  it("serves the other queues with their own agent query rules", async () => {
    const { body } = await list("queue_key=linux-large");
    expect(body.jobs.length).toBeGreaterThan(0);
    expect(body.jobs[0]?.agent_query_rules).toContain("queue=linux-large");
    expect(body.jobs.some((job) => job.agent_query_rules.some((rule) => rule.startsWith("arch=")))).toBe(true);
  });

  it("treats _default and __default__ as the same queue", async () => {
    const a = await list("queue_key=_default");
    const b = await list("queue_key=__default__");
    expect(b.body).toEqual(a.body);
  });

  it("pages 100 at a time by default and the cursor walks every job exactly once", async () => {
    await h.control("jobs", { count: 250 });
    const first = await list("queue_key=_default");
    expect(first.body.jobs).toHaveLength(100);
    expect(first.body.page_info.has_next_page).toBe(true);
    const seen = first.body.jobs.map((job) => job.id);
    let cursor = first.body.page_info.end_cursor;
    while (cursor !== null) {
      const page = await list(`queue_key=_default&limit=70&after=${encodeURIComponent(cursor)}`);
      seen.push(...page.body.jobs.map((job) => job.id));
      cursor = page.body.page_info.has_next_page ? page.body.page_info.end_cursor : null;
    }
    expect(seen).toHaveLength(292);
    expect(new Set(seen).size).toBe(292);
    expect(seen).toEqual(await h.listIds());
  });

  it("lists 1000 jobs in one page", async () => {
    await h.control("jobs", { count: 1500 });
    const { body } = await list("queue_key=_default&limit=1000");
    expect(body.jobs).toHaveLength(1000);
    expect(body.page_info.has_next_page).toBe(true);
  });

  it.each([
    ["missing queue_key", "limit=10"],
    ["limit 0", "queue_key=_default&limit=0"],
    ["limit 1001", "queue_key=_default&limit=1001"],
    ["a non-numeric limit", "queue_key=_default&limit=ten"],
    ["a garbage cursor", "queue_key=_default&after=not-a-cursor"],
  ])("answers %s with 400", async (_name, query) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body).toHaveProperty("message");
  });

  it("answers an unknown queue or stack with 404", async () => {
    expect((await list("queue_key=gpu")).status).toBe(404);
    expect((await list("queue_key=_default", "nobody")).status).toBe(404);
  });

  it("still lists a paused queue but flags it", async () => {
    const paused = await h.control("queue", { queueKey: "_default", paused: true, note: "incident 42", by: "mei" });
    expect(await paused.json()).toMatchObject({
      key: "_default",
      paused: true,
      note: "incident 42",
      by: "mei",
      at: expect.any(String),
    });
    const { body } = await list("queue_key=_default");
    expect(body.cluster_queue.dispatch_paused).toBe(true);
    expect(body.jobs).toHaveLength(42);
    await h.control("queue", { paused: false });
    expect((await list("queue_key=_default")).body.cluster_queue.dispatch_paused).toBe(false);
    expect((await h.control("queue", { queueKey: "nope", paused: true })).status).toBe(404);
  });

  it("spells the pause flag as the Go client reads it (`paused`) on linux-large, and as the docs do elsewhere", async () => {
    await h.control("queue", { queueKey: "linux-large", paused: true });
    const goSpelling = (await list("queue_key=linux-large")).body.cluster_queue;
    expect(goSpelling).toEqual({ id: expect.any(String), paused: true });
    await h.control("queue", { queueKey: "macos", paused: true });
    expect((await list("queue_key=macos")).body.cluster_queue).toEqual({
      id: expect.any(String),
      dispatch_paused: true,
    });
  });

  it("serves the older spelling with flat job fields", async () => {
    const response = await h.api("/stacks/stack-console/scheduled_jobs?queue_key=_default&limit=5");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { jobs: Record<string, unknown>[] } & Omit<ListBody, "jobs">;
    const current = await list("queue_key=_default&limit=5");
    expect(body.jobs.map((job) => job.id)).toEqual(current.body.jobs.map((job) => job.id));
    const [legacy] = body.jobs;
    const [modern] = current.body.jobs;
    expect(Object.keys(legacy ?? {}).sort()).toEqual(
      [
        "agent_query_rules",
        "build_branch",
        "build_id",
        "build_number",
        "id",
        "pipeline_id",
        "pipeline_slug",
        "priority",
        "scheduled_at",
        "step_key",
      ].sort(),
    );
    expect(legacy).toMatchObject({
      pipeline_slug: modern?.pipeline.slug,
      pipeline_id: modern?.pipeline.uuid,
      build_id: modern?.build.uuid,
      build_number: modern?.build.number,
      build_branch: modern?.build.branch,
      step_key: modern?.step.key,
    });
  });
});
