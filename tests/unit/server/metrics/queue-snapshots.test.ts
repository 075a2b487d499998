import { Registry } from "prom-client";
import { describe, expect, test } from "vitest";
import { createQueueSnapshotMetrics, MAX_QUEUE_SERIES } from "@/server/metrics/queue-snapshots";
import { metricValue, parseMetrics } from "../../../support/metrics-text";

describe("queue snapshot freshness", () => {
  test("the last successful snapshot's time, and its age at scrape time", async () => {
    let now = 1_700_000_000_000;
    const registry = new Registry();
    const snapshots = createQueueSnapshotMetrics(registry, () => now);
    const queue = { stack: "stack-console", queue: "_default" };
    snapshots.fresh(queue.stack, queue.queue, now - 3_000);
    // A shared read hands out an older fetch after a newer one: the newest stays.
    snapshots.fresh(queue.stack, queue.queue, now - 5_000);
    let samples = parseMetrics(await registry.metrics());
    expect(metricValue(samples, "stack_console_queue_snapshot_timestamp_seconds", queue)).toBe((now - 3_000) / 1000);
    expect(metricValue(samples, "stack_console_queue_snapshot_age_seconds", queue)).toBe(3);

    now += 10_000;
    samples = parseMetrics(await registry.metrics());
    expect(metricValue(samples, "stack_console_queue_snapshot_age_seconds", queue)).toBe(13);
  });

  test("stack keys come from request paths, so the number of series is capped", async () => {
    const registry = new Registry();
    const snapshots = createQueueSnapshotMetrics(registry, Date.now);
    for (let i = 0; i < MAX_QUEUE_SERIES + 50; i++) snapshots.fresh(`stack-${i}`, "_default", Date.now());
    const samples = parseMetrics(await registry.metrics());
    expect(samples.filter((s) => s.name === "stack_console_queue_snapshot_age_seconds")).toHaveLength(MAX_QUEUE_SERIES);
  });
});
