import type { HistoryRange, QueueSample } from "../schemas/queue-history";
import { RANGE_MS, rangeWords } from "./ranges";

// What a history chart says in words: its caption (the chart's text alternative) and the note that stands in
// for a chart until there is enough history to draw one.

/** Two points draw a line; with fewer a chart would be an empty frame that looks like "nothing waited". */
export const MIN_SAMPLES_TO_DRAW = 2;

/** A time as the chart's axis shows it: the clock for 1h and 24h, with the weekday over 7 days. */
export function formatChartTime(ms: number, range: HistoryRange, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(range === "7d" ? { weekday: "short" } : {}),
  }).format(ms);
}

export interface SeriesSummary {
  low: number;
  peak: number;
  /** When the peak was first reached, in ms. */
  peakAt: number;
  now: number;
  nowAt: number;
  pausedSamples: number;
}

export function summariseSeries(samples: readonly QueueSample[], value: (sample: QueueSample) => number) {
  let summary: SeriesSummary | null = null;
  for (const sample of samples) {
    const v = value(sample);
    const at = Date.parse(sample.at);
    const paused = sample.paused ? 1 : 0;
    if (summary === null) {
      summary = { low: v, peak: v, peakAt: at, now: v, nowAt: at, pausedSamples: paused };
      continue;
    }
    summary.low = Math.min(summary.low, v);
    if (v > summary.peak) Object.assign(summary, { peak: v, peakAt: at });
    Object.assign(summary, { now: v, nowAt: at });
    summary.pausedSamples += paused;
  }
  return summary;
}

export interface CaptionInput {
  /** "Backlog", "Oldest wait". */
  subject: string;
  range: HistoryRange;
  samples: readonly QueueSample[];
  value: (sample: QueueSample) => number;
  format: (value: number) => string;
  timeZone?: string;
}

/** "Backlog over the last 24 hours: peak 48 at 14:05, low 3, now 42 (15:10)." and what else the picture shows. */
export function describeSeries({ subject, range, samples, value, format, timeZone }: CaptionInput): string {
  const summary = summariseSeries(samples, value);
  if (summary === null) return `${subject} over ${rangeWords[range]}: no samples yet.`;
  const time = (ms: number) => formatChartTime(ms, range, timeZone);
  const parts = [
    `${subject} over ${rangeWords[range]}: peak ${format(summary.peak)} at ${time(summary.peakAt)}`,
    `low ${format(summary.low)}`,
    `now ${format(summary.now)} (${time(summary.nowAt)})`,
  ];
  const paused =
    summary.pausedSamples > 0
      ? ` Dispatch was paused in ${summary.pausedSamples} of ${samples.length} samples (shaded).`
      : "";
  const partial = samples.some((sample) => !sample.complete)
    ? " Some samples stopped at the page cap, so their figures are lower bounds."
    : "";
  return `${parts.join(", ")}.${paused}${partial}`;
}

/**
 * Samples come once a minute from when the console first watched the queue, so a new install has only a
 * few: say so instead of letting a short line pass for the whole range. Null once the history spans at
 * least half the range.
 */
export function historyNote(samples: readonly QueueSample[], range: HistoryRange): string | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const spanMs = first && last ? Date.parse(last.at) - Date.parse(first.at) : 0;
  if (samples.length >= MIN_SAMPLES_TO_DRAW && spanMs >= RANGE_MS[range] / 2) return null;
  const count = `${samples.length} sample${samples.length === 1 ? "" : "s"} so far`;
  return `History fills in as the console samples the queue once a minute; ${count}.`;
}
