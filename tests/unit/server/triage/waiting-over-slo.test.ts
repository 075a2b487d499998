import { describe, expect, test } from "vitest";
import { computeFindings } from "@/server/triage/findings";
import { agent, input, job, minutesAgo } from "./triage-input";

describe("waiting_over_slo", () => {
  const agents = [agent("idle-1", [])];
  const jobs = [job("old", { waitedMinutes: 41 }), job("mid", { waitedMinutes: 6 }), job("new", { waitedMinutes: 4 })];

  test("counts the jobs past the SLO (default 5 min) and names the oldest", () => {
    const [finding] = computeFindings(input({ jobs, agents }));
    expect(finding).toMatchObject({ kind: "waiting_over_slo", severity: "warning", jobIds: ["old", "mid"], count: 2 });
    expect(finding!.since).toBe(minutesAgo(41));
    expect(finding!.explanation).toBe(
      "2 jobs in queue default have waited longer than the 5m 00s wait SLO, the oldest (old) for 41m 00s.",
    );
  });

  test("waits from when a job became runnable, and the SLO is a parameter", () => {
    const gated = [job("gated", { waitedMinutes: 60, runnableAt: minutesAgo(2) })];
    expect(computeFindings(input({ jobs: gated, agents }))).toEqual([]);
    expect(computeFindings(input({ jobs: gated, agents, waitSloSeconds: 60 }))[0]?.jobIds).toEqual(["gated"]);
  });

  test("clears when the jobs are under it", () => {
    expect(computeFindings(input({ jobs, agents, waitSloSeconds: 3600 }))).toEqual([]);
  });
});
