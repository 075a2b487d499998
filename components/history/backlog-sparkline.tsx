"use client";

import { useQuery } from "@tanstack/react-query";
import { backlogMetric } from "@/lib/history/metrics";
import { queueHistoryQuery } from "@/lib/queries/queue-history";
import { formatChartTime, MIN_SAMPLES_TO_DRAW, summariseSeries } from "@/lib/history/series-summary";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DEFAULT_HISTORY_RANGE } from "@/lib/history/ranges";
import { TimeSeriesChart } from "./time-series-chart";

const SPARKLINE_HEIGHT = 36;

// The card's sparkline reads the stack page's default range (24h), not the last hour: the card already shows
// the backlog now, and what it lacks is whether that is usual for the day. The same query key also means
// the stack page opens with the history already in the cache.
const RANGE = DEFAULT_HISTORY_RANGE;

/** A queue card's backlog over the last 24 hours, with the figures it shows in words beside it. */
export function BacklogSparkline({ stackKey, queueKey }: { stackKey: string; queueKey: string }) {
  const history = useQuery(queueHistoryQuery(stackKey, queueKey, RANGE));
  const timeZone = useHydrated() ? undefined : "UTC";
  const samples = history.data;
  const summary = samples ? summariseSeries(samples, backlogMetric.value) : null;
  const words =
    samples === undefined
      ? history.error
        ? "Backlog history unavailable."
        : "Reading the backlog's history…"
      : summary === null || samples.length < MIN_SAMPLES_TO_DRAW
        ? `Backlog history fills in once a minute; ${samples.length} sample${samples.length === 1 ? "" : "s"} so far.`
        : `Backlog, last 24 hours: peak ${summary.peak} at ${formatChartTime(summary.peakAt, RANGE, timeZone)}, now ${summary.now}.`;
  return (
    <figure className="min-w-0" data-testid="backlog-sparkline">
      <div style={{ height: SPARKLINE_HEIGHT }}>
        {samples && samples.length >= MIN_SAMPLES_TO_DRAW && (
          <TimeSeriesChart samples={samples} value={backlogMetric.value} height={SPARKLINE_HEIGHT} compact />
        )}
      </div>
      <figcaption className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{words}</figcaption>
    </figure>
  );
}
