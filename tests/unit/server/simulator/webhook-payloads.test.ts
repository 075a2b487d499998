import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRandom } from "@/server/simulator/random";
import { scheduleJobs } from "@/server/simulator/schedule-jobs";
import { seedState } from "@/server/simulator/seed";
import { webhookPayload, withWebhookDates } from "@/server/simulator/webhook-payloads";

const T0 = Date.UTC(2026, 10, 20, 9, 14, 3);
const BASE = "http://sim.test/v2";
const webhookDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
const sender = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();
const build = z.looseObject({
  id: z.uuid(),
  number: z.number().int(),
  state: z.string(),
  url: z.string().startsWith(`${BASE}/organizations/`),
  created_at: webhookDate,
});
const pipeline = z.looseObject({ id: z.uuid(), slug: z.string(), created_at: webhookDate });

function world() {
  const state = seedState({ seed: 3, initialScheduledJobs: 0, startMs: T0 });
  const [job] = scheduleJobs(state, createRandom(2), { count: 1, queueKey: "_default", scheduledAt: T0 });
  if (job === undefined) throw new Error("no job");
  const jobBuild = state.builds.get(job.buildUuid);
  if (jobBuild === undefined) throw new Error("no build");
  return { state, job, build: jobBuild };
}

describe("webhookPayload", () => {
  it("makes a job event of the REST job, its build without jobs, its pipeline and a sender", () => {
    const { state, job } = world();
    const payload = webhookPayload({ kind: "job", name: "job.scheduled", job }, state, BASE);
    const parsed = z
      .object({
        event: z.literal("job.scheduled"),
        job: z.looseObject({
          id: z.literal(job.uuid),
          type: z.literal("script"),
          state: z.literal("scheduled"),
          scheduled_at: webhookDate,
          started_at: z.null(),
        }),
        build: build.refine((value) => !("jobs" in value), "no jobs"),
        pipeline,
        sender,
      })
      .strict()
      .parse(payload);
    expect(parsed.job.scheduled_at).toBe("2026-11-20 09:14:03 UTC");
    expect(parsed.build.id).toBe(job.buildUuid);
  });

  it("makes a build event without a job", () => {
    const { state, build: subject } = world();
    const payload = webhookPayload({ kind: "build", name: "build.finished", build: subject }, state, BASE);
    z.object({ event: z.literal("build.finished"), build, pipeline, sender })
      .strict()
      .parse(payload);
  });

  it("has nothing to say about a job whose build was pruned", () => {
    const { state, job, build: subject } = world();
    state.builds.delete(subject.uuid);
    expect(webhookPayload({ kind: "job", name: "job.finished", job }, state, BASE)).toBeNull();
  });
});

describe("withWebhookDates", () => {
  it("rewrites ISO dates at any depth and leaves every other value alone", () => {
    expect(
      withWebhookDates({
        a: "2026-11-20T09:14:03.456Z",
        b: [{ c: "2026-01-02T03:04:05Z" }],
        d: "2026-11-20",
        e: null,
        f: 3,
      }),
    ).toEqual({ a: "2026-11-20 09:14:03 UTC", b: [{ c: "2026-01-02 03:04:05 UTC" }], d: "2026-11-20", e: null, f: 3 });
  });
});
