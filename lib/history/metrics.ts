import { formatAge } from "../format";
import type { QueueSample } from "../schemas/queue-history";

// The figures a history chart can draw, each with how its caption, table and axis write a value. Module
// constants, so a chart's memoised columns keep their identity across renders.

export interface HistoryMetric {
  /** "Backlog": the chart's title and the caption's subject. */
  subject: string;
  /** The table view's value column. */
  column: string;
  value: (sample: QueueSample) => number;
  format: (value: number) => string;
  formatTick: (value: number) => string;
}

/** An axis tick's duration, short enough for a narrow axis: "45s", "12m", "3h". */
export function shortDuration(seconds: number): string {
  if (seconds >= 3600) return `${Math.round((seconds / 3600) * 10) / 10}h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds)}s`;
}

const count = (value: number) => String(Math.round(value));

export const backlogMetric: HistoryMetric = {
  subject: "Backlog",
  column: "Jobs waiting",
  value: (sample) => sample.backlog,
  format: count,
  formatTick: count,
};

export const oldestWaitMetric: HistoryMetric = {
  subject: "Oldest wait",
  column: "Oldest wait",
  value: (sample) => sample.oldestWaitSeconds,
  format: formatAge,
  formatTick: shortDuration,
};
