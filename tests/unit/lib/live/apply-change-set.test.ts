import { describe, expect, test } from "vitest";
import { applyChangeSet, applyToEnvelope, listVersion, type ScheduledJobsEnvelope } from "@/lib/live/apply-change-set";
import type { ChangeSet } from "@/lib/schemas/change-sets";
import { scheduledJob } from "../../../support/scheduled-jobs";

const change = (overrides: Partial<ChangeSet>): ChangeSet => ({
  version: 11,
  previousVersion: 10,
  queueKey: "default",
  at: "2026-12-06T03:10:00.000Z",
  cause: "poll",
  dispatchPaused: false,
  complete: true,
  count: 0,
  added: [],
  changed: [],
  removed: [],
  reload: false,
  ...overrides,
});

const jobs = [scheduledJob(1), scheduledJob(2), scheduledJob(3)];

describe("applying a change set to the list the page holds", () => {
  test("removes, replaces and appends, keeping unchanged jobs as the same objects", () => {
    const bumped = { ...jobs[1]!, priority: 5 };
    const next = applyChangeSet(
      jobs,
      change({ removed: [jobs[0]!.id], changed: [bumped], added: [scheduledJob(4)], count: 3 }),
    );
    expect(next?.map((job) => job.id)).toEqual([jobs[1]!.id, jobs[2]!.id, scheduledJob(4).id]);
    expect(next?.[0]).toBe(bumped);
    expect(next?.[1]).toBe(jobs[2]);
  });

  test("keeps the list oldest first when an added job waited longer than some held ones", () => {
    const older = scheduledJob(0);
    const next = applyChangeSet(jobs, change({ added: [older], count: 4 }));
    expect(next?.map((job) => job.id)).toEqual([older, ...jobs].map((job) => job.id));
  });

  test("a change of the pause state alone keeps the very same list", () => {
    expect(applyChangeSet(jobs, change({ dispatchPaused: true, count: 3 }))).toBe(jobs);
  });

  test("asks for the list again when the result would not count what the server counts", () => {
    expect(applyChangeSet(jobs, change({ added: [scheduledJob(4)], count: 5 }))).toBeNull();
  });

  test("asks for the list again when a changed job is one it never had", () => {
    expect(applyChangeSet(jobs, change({ changed: [scheduledJob(9)], count: 3 }))).toBeNull();
  });

  test("asks for the list again when the server says the change was too large to send", () => {
    expect(applyChangeSet(jobs, change({ reload: true, count: 3 }))).toBeNull();
  });

  test("moves the envelope to the change's version and read time", () => {
    const envelope: ScheduledJobsEnvelope = {
      ok: true,
      apiVersion: "v1",
      command: "jobs.scheduled.list",
      request: {},
      summary: { version: 10, count: 3, fetchedAt: "2026-12-06T03:00:00.000Z" },
      pagination: null,
      data: jobs,
      error: null,
    };
    const next = applyToEnvelope(envelope, change({ removed: [jobs[0]!.id], count: 2, dispatchPaused: true }));
    expect(listVersion(next!)).toBe(11);
    expect(next?.summary).toMatchObject({ count: 2, dispatchPaused: true, fetchedAt: "2026-12-06T03:10:00.000Z" });
    expect(listVersion({ ...envelope, summary: {} })).toBeNull();
  });
});
