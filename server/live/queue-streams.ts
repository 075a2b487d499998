import "server-only";
import type { ChangeSet } from "@/lib/schemas/change-sets";
import type { EnvelopeError } from "@/lib/api/envelope";
import type { ChangeLog } from "./change-log";
import { feedTopic, type LiveReads } from "./live-reads";
import { consoleMetrics } from "../metrics/registry";

/** One open stream, as the hub sees it: frames are encoded once per instance and shared by every viewer. */
export interface StreamViewer {
  change(change: ChangeSet, frame: Uint8Array): void;
  /** The queue could not be read (frame says why), or can again after it could not. */
  upstream(frame: Uint8Array): void;
}

const encoder = new TextEncoder();
export const sseFrame = (event: string, data: string, id?: number) =>
  encoder.encode(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`);

interface Hub {
  viewers: Set<StreamViewer>;
  timer?: NodeJS.Timeout;
  reading: boolean;
  failing: boolean;
}

/**
 * Keeps each watched queue read while anyone here streams it, and hands every change heard to the
 * streams. Reads go through the shared snapshot, so however many instances and viewers there are,
 * Buildkite is read once per interval; the timer only asks often enough to notice when that is due.
 */
export function createQueueStreams({
  live,
  changes,
  pollIntervalMs,
  describeError,
}: {
  live: LiveReads;
  changes: ChangeLog;
  pollIntervalMs: number;
  /** Turns a failed read into what the page shows in its stale warning. */
  describeError: (error: unknown) => EnvelopeError;
}) {
  const hubs = new Map<string, Hub>();
  let stopHearing: (() => void) | null = null;

  function hear(topic: string, change: ChangeSet, text: string) {
    const hub = hubs.get(topic);
    consoleMetrics().eventStreams.heard(change.cause);
    if (hub === undefined) return;
    const frame = sseFrame("change", text, change.version);
    for (const viewer of hub.viewers) viewer.change(change, frame);
  }

  function tell(hub: Hub, failing: boolean, error?: unknown) {
    if (hub.failing === failing) return;
    hub.failing = failing;
    const body = failing ? { ok: false, error: describeError(error) } : { ok: true };
    const frame = sseFrame("upstream", JSON.stringify(body));
    for (const viewer of hub.viewers) viewer.upstream(frame);
  }

  async function read(hub: Hub, stackKey: string, queueKey: string) {
    if (hub.reading) return;
    hub.reading = true;
    try {
      await live.keepFresh({ stackKey, queueKey });
      tell(hub, false);
    } catch (error) {
      tell(hub, true, error);
    } finally {
      hub.reading = false;
    }
  }

  return {
    /** Streams `queueKey`'s changes to `viewer` until the returned function is called. */
    join(stackKey: string, queueKey: string, viewer: StreamViewer): () => void {
      const topic = feedTopic(stackKey, queueKey);
      stopHearing ??= changes.subscribe(hear);
      let hub = hubs.get(topic);
      if (hub === undefined) {
        const created: Hub = { viewers: new Set(), reading: false, failing: false };
        // A quarter of the interval: a read comes due at most that late after the shared copy expires.
        created.timer = setInterval(() => void read(created, stackKey, queueKey), Math.max(250, pollIntervalMs / 4));
        created.timer.unref();
        hubs.set(topic, created);
        hub = created;
      }
      const joined = hub;
      joined.viewers.add(viewer);
      consoleMetrics().eventStreams.opened();
      let left = false;
      return () => {
        if (left) return;
        left = true;
        joined.viewers.delete(viewer);
        consoleMetrics().eventStreams.closed();
        if (joined.viewers.size === 0) {
          clearInterval(joined.timer);
          hubs.delete(topic);
        }
      };
    },
  };
}

export type QueueStreams = ReturnType<typeof createQueueStreams>;
