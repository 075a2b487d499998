import { describe, expect, it } from "vitest";
import { activityTick } from "@/server/simulator/activity";
import { controlRoutes } from "@/server/simulator/control-routes";
import { createHandler } from "@/server/simulator/handler";
import { createRandom } from "@/server/simulator/random";
import { SimRuntime } from "@/server/simulator/runtime";
import { scheduleJobs } from "@/server/simulator/schedule-jobs";
import { seedState } from "@/server/simulator/seed";
import { stacksRoutes } from "@/server/simulator/stacks-routes";

const options = { seed: 42, activity: false, rateLimits: false, stackLimit: 10, initialScheduledJobs: 40 };

describe("job state machine", () => {
  it("refuses to let a stack finish a job an agent is running", async () => {
    const runtime = new SimRuntime(options);
    const handle = createHandler(runtime, stacksRoutes(runtime), controlRoutes(runtime));
    const running = [...runtime.state.jobs.values()].find((job) => job.state === "running");
    expect(running).toBeDefined();
    const response = await handle(
      new Request(`http://sim.test/v3/stacks/stack-console/jobs/${running?.uuid}/finish`, {
        method: "POST",
        headers: { Authorization: `Token ${runtime.tokens.cluster}` },
        body: JSON.stringify({ detail: "x" }),
      }),
    );
    expect(response.status).toBe(422);
    expect(running?.state).toBe("running");
  });

  it("records who finished a job, how and when, and finishes its build", () => {
    const state = seedState({ seed: 1, initialScheduledJobs: 0, startMs: 1_000_000_000 });
    const [job] = scheduleJobs(state, createRandom(3), { count: 1, queueKey: "_default", scheduledAt: 1_000_000_000 });
    if (job === undefined) throw new Error("no job");
    state.finishByStack(job, "stack-console", -1, "no capacity", 1_000_005_000);
    expect(job).toMatchObject({
      state: "finished",
      exitStatus: -1,
      finishedDetail: "no capacity",
      finishedByStack: "stack-console",
      finishedAt: 1_000_005_000,
    });
    expect(state.builds.get(job.buildUuid)).toMatchObject({ state: "failed", finishedAt: 1_000_005_000 });
  });

  it("seeds every job onto a build of a pipeline, with builds listing their jobs", () => {
    const state = seedState({ seed: 9, initialScheduledJobs: 40, startMs: Date.now() });
    for (const job of state.jobs.values()) {
      const build = state.builds.get(job.buildUuid);
      expect(build?.jobIds).toContain(job.uuid);
      expect(state.pipelines.get(job.pipelineSlug)?.slug).toBe(build?.pipelineSlug);
      expect(["script", "waiter", "manual", "trigger"]).toContain(job.type);
    }
  });
});

describe("activity", () => {
  it("moves jobs through assigned and running to finished, leaving paused queues alone", () => {
    const now = Date.now();
    const state = seedState({ seed: 5, initialScheduledJobs: 40, startMs: now });
    const paused = state.queue("linux-large");
    if (paused === undefined) throw new Error("no queue");
    paused.paused = true;
    const pausedJobs = state.page(paused, null, 1000).jobs.map((job) => job.uuid);
    const initialJobs = state.jobs.size;
    const random = createRandom(11);
    const seen = new Set<string>();
    for (let tick = 0; tick < 60; tick++) {
      activityTick(state, random, now + tick * 1_500);
      for (const job of state.jobs.values()) seen.add(job.state);
    }
    expect(state.jobs.size).toBeGreaterThan(initialJobs);
    expect([...seen]).toEqual(expect.arrayContaining(["scheduled", "assigned", "running", "finished"]));
    expect(pausedJobs.map((uuid) => state.jobs.get(uuid)?.state)).toEqual(pausedJobs.map(() => "scheduled"));
    expect([...state.builds.values()].some((build) => build.state === "passed" || build.state === "failed")).toBe(true);
  });

  it("stops adding jobs once the backlog reaches its cap", () => {
    const now = Date.now();
    const state = seedState({ seed: 5, initialScheduledJobs: 0, startMs: now });
    for (const queue of state.queues.values()) queue.paused = true;
    scheduleJobs(state, createRandom(1), { count: 200, queueKey: "_default", scheduledAt: now });
    const random = createRandom(2);
    for (let tick = 0; tick < 30; tick++) activityTick(state, random, now + tick * 1_500);
    // The other queues' 6 seeded jobs, and the default queue's 2 that no agent satisfies.
    expect(state.scheduledCount()).toBe(200 + 6 + 2);
  });
});
