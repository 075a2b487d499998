import { describe, expect, test } from "vitest";
import type { ChangeSet } from "@/lib/schemas/change-sets";
import { CHANGE_LOG_LENGTH, memoryChangeLog } from "@/server/live/change-log";
import { MAX_JOBS_PER_CHANGE, recordSnapshot } from "@/server/live/record-snapshot";
import { diffSnapshot, nextVersion } from "@/server/live/snapshot-diff";
import { scheduledJob } from "../../../support/scheduled-jobs";

const read = (jobs: ReturnType<typeof scheduledJob>[], overrides: { dispatchPaused?: boolean } = {}) => ({
  topic: "stack\nq",
  queueKey: "q",
  jobs,
  dispatchPaused: overrides.dispatchPaused ?? false,
  complete: true,
  readAt: Date.UTC(2026, 11, 6),
  cause: "poll" as const,
});

describe("the difference between two reads of a queue", () => {
  test("names the jobs added, changed and removed", () => {
    const first = diffSnapshot(null, {
      jobs: [scheduledJob(1), scheduledJob(2)],
      dispatchPaused: false,
      complete: true,
    });
    const previous = { version: 1, fingerprints: first.fingerprints, dispatchPaused: false, complete: true };
    const moved = { ...scheduledJob(2), priority: 9 };
    const diff = diffSnapshot(previous, { jobs: [moved, scheduledJob(3)], dispatchPaused: false, complete: true });
    expect(diff.added.map((job) => job.id)).toEqual([scheduledJob(3).id]);
    expect(diff.changed).toEqual([moved]);
    expect(diff.removed).toEqual([scheduledJob(1).id]);
    expect(diff.unchanged).toBe(false);
    expect(
      diffSnapshot(previous, { jobs: [scheduledJob(1), scheduledJob(2)], dispatchPaused: false, complete: true })
        .unchanged,
    ).toBe(true);
    expect(
      diffSnapshot(previous, { jobs: [scheduledJob(1), scheduledJob(2)], dispatchPaused: true, complete: true })
        .unchanged,
    ).toBe(false);
  });

  test("versions only grow, even after a restart that forgot them", () => {
    expect(nextVersion(41, 0)).toBe(42);
    expect(nextVersion(null, 1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(nextVersion(5, 1_700_000_000_000)).toBe(1_700_000_000_000);
  });
});

describe("recording reads in the change log", () => {
  test("commits one change set per read that changed something, and none for one that did not", async () => {
    const log = memoryChangeLog();
    const heard: ChangeSet[] = [];
    log.subscribe((_topic, change) => heard.push(change));
    const v1 = await recordSnapshot(log, read([scheduledJob(1)]));
    expect(heard).toEqual([]);
    expect(await recordSnapshot(log, read([scheduledJob(1)]))).toBe(v1);
    const v2 = await recordSnapshot(log, read([scheduledJob(1), scheduledJob(2)]));
    expect(v2).toBeGreaterThan(v1);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ version: v2, previousVersion: v1, count: 2, removed: [], reload: false });
    expect(heard[0]!.added.map((job) => job.id)).toEqual([scheduledJob(2).id]);
    const v3 = await recordSnapshot(log, read([scheduledJob(2)], { dispatchPaused: true }));
    expect(heard[1]).toMatchObject({
      previousVersion: v2,
      version: v3,
      removed: [scheduledJob(1).id],
      dispatchPaused: true,
    });
  });

  test("a change too large to send says to read the list again", async () => {
    const log = memoryChangeLog();
    const heard: ChangeSet[] = [];
    log.subscribe((_topic, change) => heard.push(change));
    await recordSnapshot(log, read([]));
    await recordSnapshot(log, read(Array.from({ length: MAX_JOBS_PER_CHANGE + 1 }, (_, i) => scheduledJob(i))));
    expect(heard[0]).toMatchObject({ reload: true, added: [], count: MAX_JOBS_PER_CHANGE + 1 });
  });

  test("resumes: the changes after a kept version, none after the current, null across a gap", async () => {
    const log = memoryChangeLog();
    const versions = [await recordSnapshot(log, read([]))];
    for (let n = 1; n <= 3; n++) versions.push(await recordSnapshot(log, read([scheduledJob(n)])));
    expect((await log.since("stack\nq", versions[1]!))?.map((change) => change.version)).toEqual(versions.slice(2));
    expect(await log.since("stack\nq", versions[3]!)).toEqual([]);
    expect(await log.since("stack\nq", versions[1]! + 0.5)).toBeNull();
    expect(await log.since("stack\nq", versions[3]! + 1)).toBeNull();
    expect(await log.since("other\nq", versions[1]!)).toBeNull();
  });

  test("keeps a bounded history", async () => {
    const log = memoryChangeLog();
    const first = await recordSnapshot(log, read([]));
    for (let n = 1; n <= CHANGE_LOG_LENGTH + 5; n++) await recordSnapshot(log, read([scheduledJob(n)]));
    expect(await log.since("stack\nq", first)).toBeNull();
  });

  test("a commit made against a version that has moved on is refused", async () => {
    const log = memoryChangeLog();
    const state = { version: 1, fingerprints: {}, dispatchPaused: false, complete: true };
    expect(await log.commit("t", null, state, null)).toBe(true);
    expect(await log.commit("t", null, { ...state, version: 2 }, null)).toBe(false);
    expect(await log.commit("t", 1, { ...state, version: 2 }, null)).toBe(true);
  });
});
