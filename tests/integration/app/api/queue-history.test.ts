import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runtime } from "@/server/runtime";
import { startConsole, type TestConsole } from "../../../support/console";
import { historyPath, minuteOf, readHistory, sampleOfMinute } from "../../../support/queue-history";

// queue.history over real HTTP: the samples the shared poller records as the stack page reads the queue.

const DAY_MS = 24 * 60 * 60 * 1000;

describe("queue.history", () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c.close());

  /** What the stack page's header reads; its read of Buildkite is what records the minute's sample. */
  async function readQueue() {
    const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/queue?queue=${c.sim.queueKey}`);
    return body.data as { scheduledCount: number; fetchedAt: string; dispatchPaused: boolean };
  }

  test("prunes samples older than 14 days when the instance records its first sample", async () => {
    // Before any read: this instance's first sample is what prunes.
    const { db } = await (await runtime()).store();
    const insert = (ageMs: number) =>
      db.query(
        `INSERT INTO queue_samples (stack_key, queue_key, at, backlog, oldest_wait_seconds, p50_wait_seconds,
           p95_wait_seconds, paused, complete)
         VALUES ($1, $2, date_trunc('minute', $3::timestamptz), 1, 0, 0, 0, false, true)`,
        [c.sim.stackKey, c.sim.queueKey, new Date(Date.now() - ageMs).toISOString()],
      );
    await insert(15 * DAY_MS);
    await insert(13 * DAY_MS);
    await readQueue();
    // The prune follows the sample's write, so it is waited for.
    const deadline = Date.now() + 10_000;
    const oldRows = () => db.query<{ at: Date }>("SELECT at FROM queue_samples WHERE at < now() - interval '1 day'");
    let left = await oldRows();
    while (left.length > 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await oldRows();
    }
    expect(left).toHaveLength(1);
    expect(Date.now() - new Date(left[0]!.at).getTime()).toBeLessThan(14 * DAY_MS);
  });

  test("holds the sample of the minute the queue was read, with its backlog and agents", async () => {
    const queue = await readQueue();
    const sample = await sampleOfMinute(c, minuteOf(queue.fetchedAt));
    expect(sample).toMatchObject({ backlog: queue.scheduledCount, paused: queue.dispatchPaused, complete: true });
    expect(sample.backlog).toBeGreaterThan(0);
    expect(sample.oldestWaitSeconds).toBeGreaterThanOrEqual(sample.p95WaitSeconds);
    expect(sample.p95WaitSeconds).toBeGreaterThanOrEqual(sample.p50WaitSeconds);
    // The simulator seeds agents on every queue.
    expect((sample.busyAgents ?? 0) + (sample.idleAgents ?? 0)).toBeGreaterThan(0);
  });

  test("says the range, its buckets and its bounds, and folds a week into half-hours", async () => {
    const queue = await readQueue();
    await sampleOfMinute(c, minuteOf(queue.fetchedAt));
    const hour = await readHistory(c);
    expect(hour.summary).toMatchObject({ range: "1h", bucketSeconds: 60, count: hour.samples.length });
    expect(hour.headers.get("etag")).not.toBeNull();
    const week = await readHistory(c, "7d");
    expect(week.summary).toMatchObject({ range: "7d", bucketSeconds: 1800, count: week.samples.length });
    const last = week.samples[week.samples.length - 1]!;
    expect(Date.parse(last.at) % (1800 * 1000)).toBe(0);
    expect(last.backlog).toBeGreaterThanOrEqual(queue.scheduledCount);
    expect(Date.parse(String(week.summary.to)) - Date.parse(String(week.summary.from))).toBe(336 * 1800 * 1000);
  });

  test("refuses an unknown range, naming query.range", async () => {
    const { status, body } = await c.api(historyPath(c, "2d"));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "validation_error", details: { field: "query.range" } });
  });
});
