import "server-only";
import { Counter, type Registry } from "prom-client";

/** The console's shared reads, by what they hold. */
export type SharedReadName =
  "scheduled_page" | "queue_snapshot" | "rest" | "cluster_queue" | "cluster_queue_list" | "cluster_list";

/**
 * Whether a read was served from what someone else already fetched (hit) or cost an upstream call (miss):
 * the ratio is what shared reads save Buildkite's budget.
 */
export function createSharedReadMetrics(registry: Registry) {
  const reads = new Counter({
    name: "stack_console_shared_reads_total",
    help: "Reads through the shared read cache: hit when served from a fetch made for another caller (in flight or within the poll interval), miss when it called Buildkite",
    labelNames: ["read", "result"] as const,
    registers: [registry],
  });
  return {
    record(read: SharedReadName, shared: boolean): void {
      reads.inc({ read, result: shared ? "hit" : "miss" });
    },
  };
}
