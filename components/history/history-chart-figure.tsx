"use client";

import { useCallback, useId } from "react";
import type { HistoryMetric } from "@/lib/history/metrics";
import { rangeWords } from "@/lib/history/ranges";
import { describeSeries, formatChartTime, historyNote, MIN_SAMPLES_TO_DRAW } from "@/lib/history/series-summary";
import type { HistoryRange, QueueSample } from "@/lib/schemas/queue-history";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ChartTable, type ChartTableColumn } from "./chart-table";
import { DataTableToggle } from "./data-table-toggle";
import { TimeSeriesChart } from "./time-series-chart";

export const CHART_HEIGHT = 120;

interface HistoryChartFigureProps {
  metric: HistoryMetric;
  range: HistoryRange;
  /** Undefined until the history has been read. */
  samples: readonly QueueSample[] | undefined;
  /** Why the history could not be read, if it could not. */
  failure?: string | null;
}

/**
 * One history chart as a figure: its title, the picture, a caption that says in words what the picture
 * shows, and a table view of the same samples. The plot area keeps its height whatever it holds, so the page
 * below does not jump when the history arrives.
 */
export function HistoryChartFigure({ metric, range, samples, failure }: HistoryChartFigureProps) {
  // Times are UTC in the server's HTML and while hydrating, then the operator's, as LocalTime does.
  const timeZone = useHydrated() ? undefined : "UTC";
  // Named by its caption: the words are the figure's text alternative.
  const captionId = useId();
  const time = (sample: QueueSample) => formatChartTime(Date.parse(sample.at), range, timeZone);
  // The canvas is drawn only after hydrating, so its axis can use the operator's zone from the start.
  const axisTime = useCallback((ms: number) => formatChartTime(ms, range), [range]);
  const drawable = samples !== undefined && samples.length >= MIN_SAMPLES_TO_DRAW;
  const note = samples === undefined ? null : historyNote(samples, range);
  const columns: ChartTableColumn<QueueSample>[] = [
    { header: "Time", cell: time },
    { header: metric.column, cell: (sample) => metric.format(metric.value(sample)), numeric: true },
    { header: "Dispatch", cell: (sample) => (sample.paused ? "paused" : "running") },
  ];

  return (
    <figure aria-labelledby={captionId} className="min-w-0" data-testid="history-chart" data-metric={metric.subject}>
      <h3 className="text-sm font-semibold">{metric.subject}</h3>
      <div className="mt-1 flex flex-col justify-center" style={{ minHeight: CHART_HEIGHT }}>
        {drawable ? (
          <TimeSeriesChart
            samples={samples}
            value={metric.value}
            formatTick={metric.formatTick}
            formatTime={axisTime}
            height={CHART_HEIGHT}
          />
        ) : (
          <p className="rounded border border-dashed border-zinc-300 p-3 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
            {failure ?? note ?? "Reading the queue's history…"}
          </p>
        )}
      </div>
      <figcaption id={captionId} className="mt-1 text-xs text-zinc-700 dark:text-zinc-300" data-testid="chart-caption">
        {samples === undefined
          ? `${metric.subject} over ${rangeWords[range]}.`
          : describeSeries({
              subject: metric.subject,
              range,
              samples,
              value: metric.value,
              format: metric.format,
              timeZone,
            })}
        {drawable && note && " "}
        {drawable && note && <span className="block text-zinc-600 dark:text-zinc-400">{note}</span>}
      </figcaption>
      {samples && samples.length > 0 && (
        <DataTableToggle subject={`${metric.subject} over ${rangeWords[range]}`}>
          <ChartTable
            caption={`${metric.subject} samples over ${rangeWords[range]}, oldest first`}
            columns={columns}
            rows={samples}
            rowKey={(sample) => sample.at}
          />
        </DataTableToggle>
      )}
    </figure>
  );
}
