import "server-only";
import { Gauge, type Registry } from "prom-client";

/** Stack keys come from request paths: past this many stack/queue pairs, new ones are not tracked. */
export const MAX_QUEUE_SERIES = 100;

/**
 * How fresh each queue's scheduled-jobs snapshot is. Snapshots are read for viewers, so the age also grows
 * while nobody watches a queue; a queue that is watched and still ages is failing to read Buildkite.
 */
export function createQueueSnapshotMetrics(registry: Registry, now: () => number) {
  const lastSuccess = new Map<string, { stack: string; queue: string; fetchedAt: number }>();
  const each = (set: (labels: { stack: string; queue: string }, fetchedAt: number) => void) => {
    for (const { stack, queue, fetchedAt } of lastSuccess.values()) set({ stack, queue }, fetchedAt);
  };
  const timestamp: Gauge<"stack" | "queue"> = new Gauge({
    name: "stack_console_queue_snapshot_timestamp_seconds",
    help: "When the last successful scheduled-jobs snapshot of the queue was read from Buildkite (Unix time)",
    labelNames: ["stack", "queue"] as const,
    registers: [registry],
    collect() {
      each((labels, fetchedAt) => timestamp.set(labels, fetchedAt / 1000));
    },
  });
  const age: Gauge<"stack" | "queue"> = new Gauge({
    name: "stack_console_queue_snapshot_age_seconds",
    help: "Seconds since the last successful scheduled-jobs snapshot of the queue (it grows while nobody watches the queue, too)",
    labelNames: ["stack", "queue"] as const,
    registers: [registry],
    collect() {
      each((labels, fetchedAt) => age.set(labels, Math.max(0, (now() - fetchedAt) / 1000)));
    },
  });

  return {
    /** A snapshot of the queue that Buildkite served at `fetchedAt` (a shared one counts: it is as fresh). */
    fresh(stack: string, queue: string, fetchedAt: number): void {
      const key = `${stack}\n${queue}`;
      const known = lastSuccess.get(key);
      if (known === undefined && lastSuccess.size >= MAX_QUEUE_SERIES) return;
      if (known === undefined || known.fetchedAt < fetchedAt) lastSuccess.set(key, { stack, queue, fetchedAt });
    },
  };
}
