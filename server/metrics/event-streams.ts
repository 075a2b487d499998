import "server-only";
import { Counter, Gauge, type Registry } from "prom-client";
import type { ChangeCause } from "@/lib/schemas/change-sets";

/** Open event streams on this instance, and the change sets it heard (from whichever instance read). */
export function createEventStreamMetrics(registry: Registry) {
  const open = new Gauge({
    name: "stack_console_event_streams",
    help: "Event streams of queue changes open on this instance (one per browser tab watching a stack page)",
    registers: [registry],
  });
  const heard = new Counter({
    name: "stack_console_change_sets_total",
    help: "Change sets of scheduled jobs this instance heard and passed to its streams, by what caused the read",
    labelNames: ["cause"] as const,
    registers: [registry],
  });
  return {
    opened: () => open.inc(),
    closed: () => open.dec(),
    heard: (cause: ChangeCause) => heard.inc({ cause }),
  };
}
