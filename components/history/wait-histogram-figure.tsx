"use client";

import { useId, useMemo } from "react";
import { describeWaitHistogram, waitHistogram, type WaitBucket } from "@/lib/history/wait-histogram";
import { ChartTable } from "./chart-table";
import { DataTableToggle } from "./data-table-toggle";
import { CHART_HEIGHT } from "./history-chart-figure";

interface WaitHistogramFigureProps {
  /** When each job the page holds was scheduled, in ms. */
  scheduledMs: readonly number[];
  now: number;
  loaded: boolean;
}

/**
 * Current waits by bucket. A handful of bars need no chart library: they are plain elements whose height is
 * the bucket's share, so they follow the theme's classes and render the same on the server (which computes
 * them at the page's render time) as in the hydrating browser.
 */
export function WaitHistogramFigure({ scheduledMs, now, loaded }: WaitHistogramFigureProps) {
  const buckets = useMemo(() => waitHistogram(scheduledMs, now), [scheduledMs, now]);
  const tallest = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const subject = "Current waits";
  const captionId = useId();
  return (
    <figure aria-labelledby={captionId} className="min-w-0" data-testid="wait-histogram">
      <h3 className="text-sm font-semibold">{subject}</h3>
      <div aria-hidden="true" className="mt-1 flex items-end gap-1" style={{ height: CHART_HEIGHT }}>
        {buckets.map((bucket) => (
          <div key={bucket.label} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end">
            <span className="text-[11px] text-zinc-700 tabular-nums dark:text-zinc-300">{bucket.count}</span>
            <div
              className="w-full rounded-t bg-blue-600 dark:bg-blue-400"
              style={{ height: `${(bucket.count / tallest) * (CHART_HEIGHT - 36)}px` }}
            />
            <span className="mt-0.5 text-[11px] whitespace-nowrap text-zinc-700 dark:text-zinc-300">
              {bucket.label}
            </span>
          </div>
        ))}
      </div>
      <figcaption id={captionId} className="mt-1 text-xs text-zinc-700 dark:text-zinc-300" data-testid="chart-caption">
        {loaded ? describeWaitHistogram(buckets) : "Current waits, once the jobs have been read."}
      </figcaption>
      <DataTableToggle subject={subject}>
        <ChartTable<WaitBucket>
          caption="Jobs waiting now, by how long they have waited"
          columns={[
            { header: "Waited", cell: (bucket) => bucket.label },
            { header: "Jobs", cell: (bucket) => bucket.count, numeric: true },
          ]}
          rows={buckets}
          rowKey={(bucket) => bucket.label}
        />
      </DataTableToggle>
    </figure>
  );
}
