import { describe, expect, it } from "vitest";
import { finishBlocked, notifyBlocked, reserveBlocked } from "@/lib/job-actions";

const now = Date.parse("2026-11-30T12:00:00Z");

describe("the actions a job's state allows", () => {
  it("reserves and finishes only a scheduled or reserved job", () => {
    for (const state of ["scheduled", "reserved"]) {
      expect(reserveBlocked(state)).toBeNull();
      expect(finishBlocked(state)).toBeNull();
    }
    for (const state of ["assigned", "accepted", "running", "finished", "canceled", "timed_out"]) {
      expect(reserveBlocked(state)).toMatch(/^The job is .+: only a scheduled job can be reserved\.$/);
      expect(finishBlocked(state)).toMatch(/^The job is .+: only a scheduled or reserved job can be finished/);
    }
    expect(finishBlocked("timed_out")).toContain("The job is timed out");
  });

  it("offers nothing until Buildkite has said what state the job is in", () => {
    expect(reserveBlocked(undefined)).toBe("Waiting for the job's state from Buildkite.");
    expect(finishBlocked(undefined)).toBe("Waiting for the job's state from Buildkite.");
    expect(notifyBlocked(undefined, { finishedAt: null, now })).toBe("Waiting for the job's state from Buildkite.");
  });

  it("notifies a job that has not ended, and one that ended within Buildkite's 5 minutes", () => {
    for (const state of ["scheduled", "reserved", "running"])
      expect(notifyBlocked(state, { finishedAt: null, now })).toBeNull();
    expect(notifyBlocked("finished", { finishedAt: now - 300_000, now })).toBeNull();
    expect(notifyBlocked("finished", { finishedAt: now - 300_001, now })).toBe(
      "The job is finished: Buildkite takes no notifications more than 5 minutes after a job ends.",
    );
    expect(notifyBlocked("canceled", { finishedAt: null, now })).toContain("when it ended is not known");
  });
});
