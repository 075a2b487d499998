"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/api-error";
import { backlogMetric, oldestWaitMetric } from "@/lib/history/metrics";
import { queueHistoryQuery } from "@/lib/queries/queue-history";
import type { HistoryRange } from "@/lib/schemas/queue-history";
import { cardClass } from "@/components/ui/form-styles";
import { StaleWarning } from "@/components/ui/stale-warning";
import { HistoryChartFigure } from "./history-chart-figure";
import { RangePicker } from "./range-picker";
import { WaitHistogramFigure } from "./wait-histogram-figure";

interface QueueHistorySectionProps {
  stackKey: string;
  queueKey: string;
  range: HistoryRange;
  onRangeChange: (range: HistoryRange) => void;
  scheduledMs: readonly number[];
  now: number;
  loaded: boolean;
}

/**
 * The queue in pictures: backlog and oldest wait over the chosen range, and how long the jobs now waiting
 * have waited. Side by side and short, so the jobs table stays near the top of the page.
 */
export function QueueHistorySection({
  stackKey,
  queueKey,
  range,
  onRangeChange,
  scheduledMs,
  now,
  loaded,
}: QueueHistorySectionProps) {
  const history = useQuery(queueHistoryQuery(stackKey, queueKey, range));
  const failure =
    history.error instanceof ApiError
      ? `The queue's history could not be read: ${history.error.message}`
      : history.error
        ? "The queue's history could not be read."
        : null;
  // A failed refresh keeps the last history read on screen, under a warning; with nothing read yet, each
  // chart says why it is empty instead.
  const staleError = history.data !== undefined && history.error instanceof ApiError ? history.error : null;
  return (
    <section aria-labelledby="queue-history-heading" className={cardClass} data-testid="queue-history">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="queue-history-heading" className="text-base font-semibold">
          Queue history
        </h2>
        <RangePicker range={range} onChange={onRangeChange} />
      </div>
      {staleError && (
        <div className="mt-2">
          <StaleWarning error={staleError} hasData />
        </div>
      )}
      <div className="mt-3 grid gap-5 md:grid-cols-3">
        <HistoryChartFigure metric={backlogMetric} range={range} samples={history.data} failure={failure} />
        <HistoryChartFigure metric={oldestWaitMetric} range={range} samples={history.data} failure={failure} />
        <WaitHistogramFigure scheduledMs={scheduledMs} now={now} loaded={loaded} />
      </div>
    </section>
  );
}
