import { describe, expect, it } from "vitest";
import { createRandom } from "@/server/simulator/random";
import { scheduleJobs } from "@/server/simulator/schedule-jobs";
import { seedState } from "@/server/simulator/seed";
import type { SimEvent } from "@/server/simulator/sim-events";
import type { SimState } from "@/server/simulator/state";

const T0 = 1_800_000_000_000;

/** A seeded world that records what its state machine reports, as `name subject-state` strings. */
function recordingState(): { state: SimState; events: SimEvent[]; seen: () => string[] } {
  const state = seedState({ seed: 7, initialScheduledJobs: 0, startMs: T0 });
  const events: SimEvent[] = [];
  state.eventSink = (event) => events.push(event);
  return { state, events, seen: () => events.map((event) => event.name) };
}

describe("state machine events", () => {
  it("reports nothing while seeding, then a new build and its scheduled jobs", () => {
    const { state, seen } = recordingState();
    expect(seen()).toEqual([]);
    scheduleJobs(state, createRandom(1), { count: 2, queueKey: "_default", scheduledAt: T0 });
    expect(seen()).toEqual(["build.scheduled", "job.scheduled", "job.scheduled"]);
  });

  it("reports a job's start and finish, and the build running, failing and finished", () => {
    const { state, events, seen } = recordingState();
    const [a, b] = scheduleJobs(state, createRandom(1), { count: 2, queueKey: "_default", scheduledAt: T0 });
    if (a === undefined || b === undefined) throw new Error("no jobs");
    events.length = 0;
    state.assign(a, "agent-1", T0 + 1);
    state.start(a, T0 + 2);
    state.complete(a, 1, T0 + 3);
    state.finishByStack(b, "stack-console", 0, "done", T0 + 4);
    expect(seen()).toEqual([
      "build.running",
      "job.started",
      "job.finished",
      "build.failing",
      "job.finished",
      "build.finished",
    ]);
  });

  it("hands the event over once the change is complete, so a finished job carries its exit status", () => {
    const { state, events } = recordingState();
    const [job] = scheduleJobs(state, createRandom(1), { count: 1, queueKey: "_default", scheduledAt: T0 });
    if (job === undefined) throw new Error("no job");
    const exitStatuses: (number | null)[] = [];
    state.eventSink = (event) => {
      events.push(event);
      if (event.kind === "job") exitStatuses.push(event.job.exitStatus);
    };
    state.finishByStack(job, "stack-console", 3, "broken runner", T0 + 5);
    expect(exitStatuses).toEqual([3]);
  });

  it("reports a reservation that lapses as scheduled again, and a canceled build as finished", () => {
    const { state, seen, events } = recordingState();
    const [job] = scheduleJobs(state, createRandom(1), { count: 1, queueKey: "_default", scheduledAt: T0 });
    if (job === undefined) throw new Error("no job");
    const build = state.builds.get(job.buildUuid);
    if (build === undefined) throw new Error("no build");
    events.length = 0;
    state.reserve(job, "stack-console", T0 + 10);
    expect(seen()).toEqual([]);
    state.expireReservations(T0 + 10);
    state.cancelBuild(build, T0 + 11);
    expect(seen()).toEqual(["job.scheduled", "job.finished", "build.finished"]);
  });
});
