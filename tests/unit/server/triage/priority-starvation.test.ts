import { describe, expect, test } from "vitest";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { computeFindings } from "@/server/triage/findings";
import { agent, input, job, minutesAgo } from "./triage-input";

describe("priority_starvation", () => {
  const agents = [agent("busy-1", [], { busy: true })];
  const low = job("low", { priority: 0, waitedMinutes: 12 });
  const higherAfter = (count: number, minutes = 5): ScheduledJob[] =>
    Array.from({ length: count }, (_, i) =>
      job(`high-${i}`, { priority: 10, scheduledAt: minutesAgo(minutes - i * 0.5) }),
    );
  const starvation = (jobs: ScheduledJob[], overrides = {}) =>
    computeFindings(input({ jobs, agents, ...overrides })).filter((f) => f.kind === "priority_starvation");

  test("a job past the SLO with 3+ higher-priority arrivals after it in the last 15 min is starved", () => {
    const [finding] = starvation([low, ...higherAfter(4)]);
    expect(finding).toMatchObject({
      jobIds: ["low"],
      details: { queueKey: "default", starvedPriorities: [0], higherPriorityArrivals: 4, windowMinutes: 15 },
    });
    expect(finding!.explanation).toBe(
      "1 job of priority 0 in queue default has waited up to 12m 00s while 4 jobs of higher priority, scheduled after it in the last 15 min, go first.",
    );
  });

  test("fewer arrivals, arrivals outside the window or before the job do not count", () => {
    expect(starvation([low, ...higherAfter(2)])).toEqual([]);
    expect(starvation([job("low", { waitedMinutes: 40 }), ...higherAfter(4, 30)])).toEqual([]);
    expect(starvation([low, ...higherAfter(4, 14).map((j) => ({ ...j, scheduledAt: minutesAgo(13) }))])).toEqual([]);
  });

  test("only jobs of the same queue compete, and only when agents could take the job", () => {
    const elsewhere = higherAfter(4).map((j) => ({ ...j, agentQueryRules: ["queue=other"] }));
    expect(starvation([low, ...elsewhere])).toEqual([]);
    const untakeable = { ...low, agentQueryRules: ["gpu=true"] };
    expect(starvation([untakeable, ...higherAfter(4).map((j) => ({ ...j, agentQueryRules: ["gpu=true"] }))])).toEqual(
      [],
    );
  });

  test("clears under the SLO", () => {
    expect(starvation([low, ...higherAfter(4)], { waitSloSeconds: 3600 })).toEqual([]);
  });
});
