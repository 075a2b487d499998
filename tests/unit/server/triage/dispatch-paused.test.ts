import { describe, expect, test } from "vitest";
import { computeFindings } from "@/server/triage/findings";
import { agent, input, job, minutesAgo } from "./triage-input";

describe("dispatch_paused", () => {
  const jobs = [job("a", { waitedMinutes: 3 }), job("b")];
  const agents = [agent("idle-1", [])];
  const pause = { by: { name: "Ada Lovelace", email: null }, at: minutesAgo(12), note: "db migration" };

  test("names who paused, when, the note and how many jobs wait on it", () => {
    const [finding] = computeFindings(input({ jobs, agents, queue: { key: "linux", dispatchPaused: true, pause } }));
    expect(finding).toMatchObject({
      kind: "dispatch_paused",
      severity: "critical",
      count: 2,
      since: minutesAgo(12),
      details: { queueKey: "linux", note: "db migration", pausedSeconds: 720 },
    });
    expect(finding!.explanation).toBe(
      'Dispatch on queue linux was paused by Ada Lovelace 12m 00s ago (note: "db migration"), so none of its 2 scheduled jobs will start.',
    );
  });

  test("still says so when the pause details are unknown", () => {
    const [finding] = computeFindings(
      input({ jobs, agents, queue: { key: "linux", dispatchPaused: true, pause: null } }),
    );
    expect(finding!.explanation).toBe(
      "Dispatch on queue linux was paused, so none of its 2 scheduled jobs will start.",
    );
    expect(finding!.since).toBeNull();
  });

  test("clears when dispatch resumes", () => {
    expect(computeFindings(input({ jobs, agents, queue: { key: "linux", dispatchPaused: false, pause } }))).toEqual([]);
  });
});
