import "server-only";
import { Gauge, type Registry } from "prom-client";

/** Long enough to see a viewer whose tab is in the background and polls slowly. */
export const LIVE_VIEWER_WINDOW_MS = 60_000;
/** The most operators remembered at once; beyond it the longest-quiet are forgotten first. */
const MAX_TRACKED = 10_000;

/**
 * The distinct operators whose browser polled a queue's live view within the last minute: pages whose
 * event stream cannot be held, the home page's cards, scripts. Open streams are counted by
 * stack_console_event_streams (event-streams.ts). Several tabs of one person are one viewer.
 */
export function createLiveViewerMetrics(registry: Registry, now: () => number) {
  const lastPoll = new Map<string, number>();
  const forgetQuiet = () => {
    const since = now() - LIVE_VIEWER_WINDOW_MS;
    for (const [viewer, at] of lastPoll) if (at < since) lastPoll.delete(viewer);
  };
  const viewers: Gauge = new Gauge({
    name: "stack_console_live_viewers_last_minute",
    help: "Distinct operators who polled a queue's live view (queue state or scheduled jobs) in the last 60 s; open event streams are counted by stack_console_event_streams",
    registers: [registry],
    collect() {
      forgetQuiet();
      viewers.set(lastPoll.size);
    },
  });
  return {
    polled(operatorId: string): void {
      // Re-inserted so the map stays in order of last poll, oldest first, for the eviction below.
      lastPoll.delete(operatorId);
      lastPoll.set(operatorId, now());
      if (lastPoll.size > MAX_TRACKED) {
        const quietest = lastPoll.keys().next().value;
        if (quietest !== undefined) lastPoll.delete(quietest);
      }
    },
  };
}
