import { describe, expect, it } from "vitest";
import { jobsScheduledList } from "@/server/commands/jobs-scheduled-list";
import { queueGet } from "@/server/commands/queue-get";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { QueueState } from "@/lib/schemas/queue";
import { jobNamed } from "../../../support/scheduled-jobs";

// The tags of the two polled reads: equal when only the time of the read differs, different when anything
// the page shows differs.

const job = jobNamed;

function listOutput(jobs: ScheduledJob[], fetchedAt: string, summary: Record<string, unknown> = {}) {
  return {
    data: jobs,
    summary: { count: jobs.length, complete: true, queueKey: "_default", dispatchPaused: false, fetchedAt, ...summary },
    pagination: { page: null, perPage: null, nextPage: null, prevPage: null, hasMore: false },
  };
}

const listTag = (output: ReturnType<typeof listOutput>) => jobsScheduledList.etag!(output, { raw: false });

describe("jobs.scheduled.list's tag", () => {
  const jobs = [job("a"), job("b")];

  it("stays the same when only the time of the read changes", () => {
    expect(listTag(listOutput(jobs, "2026-12-06T10:00:00.000Z"))).toBe(
      listTag(listOutput([job("a"), job("b")], "2026-12-06T10:05:00.000Z")),
    );
  });

  it("changes when a job is added, removed or changed, or the queue is paused", () => {
    const base = listTag(listOutput(jobs, "t"));
    const changed = [
      listTag(listOutput([...jobs, job("c")], "t")),
      listTag(listOutput([job("a")], "t")),
      listTag(listOutput([job("a"), { ...job("b"), priority: 5 }], "t")),
      listTag(listOutput(jobs, "t", { dispatchPaused: true })),
    ];
    for (const tag of changed) expect(tag).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it("tags the whole list by its change-feed version, without hashing its jobs", () => {
    const at = (version: number, list: ScheduledJob[]) => listTag(listOutput(list, "t", { version }));
    // One version is one list: the jobs are not read to tag it (5000 of them would be 2 MiB of JSON).
    expect(at(41, jobs)).toBe(at(41, [job("y"), job("z")]));
    expect(at(42, jobs)).not.toBe(at(41, jobs));
  });

  it("tags the raw answer by the raw JSON when that is what is answered", () => {
    const output = { ...listOutput(jobs, "t"), raw: { data: { jobs: [] } } };
    expect(jobsScheduledList.etag!(output, { raw: true })).not.toBe(jobsScheduledList.etag!(output, { raw: false }));
  });
});

function queueState(overrides: Partial<QueueState> = {}): QueueState {
  return {
    stackKey: "stack-console",
    queueKey: "_default",
    clusterQueueId: "q1",
    dispatchPaused: false,
    pause: null,
    pauseUnavailable: null,
    scheduledCount: 2,
    countComplete: true,
    oldestScheduledAt: "2026-12-06T10:00:00.000Z",
    oldestWaitSeconds: 60,
    longWaitCount: 0,
    fetchedAt: "2026-12-06T10:01:00.000Z",
    ...overrides,
  };
}

const queueTag = (data: QueueState) =>
  queueGet.etag!(
    { data, summary: { dispatchPaused: data.dispatchPaused, oldestWaitSeconds: data.oldestWaitSeconds, warnings: [] } },
    { raw: false },
  );

describe("queue.get's tag", () => {
  it("stays the same when only the time of the read and the wait derived from it change", () => {
    expect(queueTag(queueState())).toBe(
      queueTag(queueState({ fetchedAt: "2026-12-06T10:09:00.000Z", oldestWaitSeconds: 540 })),
    );
  });

  it("changes with anything the page shows: pause, count, oldest job, long waits", () => {
    const base = queueTag(queueState());
    for (const changed of [
      queueState({ dispatchPaused: true }),
      queueState({ scheduledCount: 3 }),
      queueState({ oldestScheduledAt: "2026-12-06T10:00:30.000Z" }),
      queueState({ longWaitCount: 1 }),
      queueState({ pause: { by: null, at: "2026-12-06T10:00:00.000Z", note: "db migration" } }),
    ])
      expect(queueTag(changed)).not.toBe(base);
  });
});
