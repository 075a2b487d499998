import { describe, expect, test } from "vitest";
import { nearestRank, sampleOf, type SampledRead } from "@/server/history/sample-of";
import type { TriageAgent } from "@/server/triage/input";

const NOW = Date.parse("2026-03-02T12:07:42.500Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

/** A job that became runnable `seconds` ago (scheduled a minute earlier still). */
const waited = (seconds: number) => ({ scheduledAt: ago(seconds + 60), runnableAt: ago(seconds) });

const agent = (name: string, tags: string[], overrides: Partial<TriageAgent> = {}): TriageAgent => ({
  id: name,
  name,
  connected: true,
  busy: false,
  tags,
  ...overrides,
});

const read = (overrides: Partial<SampledRead> = {}): SampledRead => ({
  queueKey: "linux",
  jobs: [],
  dispatchPaused: false,
  complete: true,
  agents: [],
  now: NOW,
  ...overrides,
});

describe("nearestRank", () => {
  test("is always an observed value: the smallest one with at least the share of values at or below it", () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(nearestRank(values, 50)).toBe(50);
    expect(nearestRank(values, 95)).toBe(100);
    expect(nearestRank(values, 90)).toBe(90);
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([1, 2, 3], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
  });

  test("is 0 with nothing to rank", () => {
    expect(nearestRank([], 95)).toBe(0);
  });
});

describe("sampleOf", () => {
  test("keys the sample by the start of its minute", () => {
    expect(sampleOf(read()).at).toBe("2026-03-02T12:07:00.000Z");
  });

  test("counts the backlog and ranks the waits, each counted from when the job became runnable", () => {
    const jobs = [waited(600), waited(30), waited(90), waited(300), waited(5)];
    expect(sampleOf(read({ jobs }))).toMatchObject({
      backlog: 5,
      oldestWaitSeconds: 600,
      p50WaitSeconds: 90,
      p95WaitSeconds: 600,
    });
  });

  test("counts a job not yet runnable-dated from when it was scheduled, and a future or unreadable time as no wait", () => {
    const jobs = [
      { scheduledAt: ago(120), runnableAt: null },
      { scheduledAt: new Date(NOW + 60_000).toISOString(), runnableAt: null },
      { scheduledAt: "not a time", runnableAt: null },
    ];
    expect(sampleOf(read({ jobs }))).toMatchObject({ backlog: 3, oldestWaitSeconds: 120, p50WaitSeconds: 0 });
  });

  test("is all zeros for an empty queue, and carries the pause and completeness as read", () => {
    expect(sampleOf(read({ dispatchPaused: true, complete: false }))).toEqual({
      at: "2026-03-02T12:07:00.000Z",
      backlog: 0,
      oldestWaitSeconds: 0,
      p50WaitSeconds: 0,
      p95WaitSeconds: 0,
      paused: true,
      busyAgents: 0,
      idleAgents: 0,
      complete: false,
    });
  });

  test("counts the connected agents whose queue tag names the queue, busy apart from idle", () => {
    const agents = [
      agent("linux-busy", ["queue=linux", "os=linux"], { busy: true }),
      agent("linux-idle-1", ["queue=linux"]),
      agent("linux-idle-2", ["os=linux", "queue=linux"]),
      agent("linux-lost", ["queue=linux"], { connected: false }),
      agent("mac", ["queue=mac"], { busy: true }),
      agent("untagged", ["os=linux"]),
    ];
    expect(sampleOf(read({ agents }))).toMatchObject({ busyAgents: 1, idleAgents: 2 });
  });

  test("counts agents without a queue tag as serving the default queue", () => {
    const agents = [agent("untagged", ["os=linux"]), agent("default", ["queue=_default"], { busy: true })];
    expect(sampleOf(read({ queueKey: "_default", agents }))).toMatchObject({ busyAgents: 1, idleAgents: 1 });
  });

  test("has no agent counts when the agents could not be read", () => {
    expect(sampleOf(read({ agents: null }))).toMatchObject({ busyAgents: null, idleAgents: null });
  });
});
