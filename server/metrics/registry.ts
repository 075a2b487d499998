import "server-only";
import { Registry, collectDefaultMetrics } from "prom-client";
import { createAuditMetrics } from "./audit";
import { createEventStreamMetrics } from "./event-streams";
import { createLiveViewerMetrics } from "./live-viewers";
import { createQueueSnapshotMetrics } from "./queue-snapshots";
import { createSharedReadMetrics } from "./shared-reads";
import { createUpstreamMetrics } from "./upstream";
import { createWebhookMetrics } from "./webhooks";

/** Every metric the console exports, in a registry of its own (nothing registers on prom-client's global). */
export function createConsoleMetrics(now: () => number = Date.now) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    upstream: createUpstreamMetrics(registry),
    sharedReads: createSharedReadMetrics(registry),
    queueSnapshots: createQueueSnapshotMetrics(registry, now),
    audit: createAuditMetrics(registry),
    liveViewers: createLiveViewerMetrics(registry, now),
    eventStreams: createEventStreamMetrics(registry),
    webhooks: createWebhookMetrics(registry),
  };
}

export type ConsoleMetrics = ReturnType<typeof createConsoleMetrics>;

// One set per process, on globalThis: Next bundles routes separately and reloads modules in development,
// and a second registry would split the counts (and start a second set of process collectors).
const holder = globalThis as typeof globalThis & { __stackConsoleMetrics?: ConsoleMetrics };

export function consoleMetrics(): ConsoleMetrics {
  holder.__stackConsoleMetrics ??= createConsoleMetrics();
  return holder.__stackConsoleMetrics;
}
