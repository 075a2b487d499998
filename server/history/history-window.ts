import "server-only";
import { RANGE_MS } from "@/lib/history/ranges";
import type { HistoryRange } from "@/lib/schemas/queue-history";

/**
 * How each range is charted: 1h as the raw minute samples, longer ranges in buckets, so a chart never gets
 * more than a few hundred points whatever the range (24h: 288 five-minute buckets; 7d: 336 half-hours).
 */
const BUCKET_SECONDS: Record<HistoryRange, number> = { "1h": 60, "24h": 300, "7d": 1800 };

export interface HistoryWindow {
  range: HistoryRange;
  bucketSeconds: number;
  /** The first bucket's start (inclusive), ms. */
  from: number;
  /** The end of the bucket holding `now` (exclusive), ms. */
  to: number;
  /** One bucket is one sample: the raw rows are returned as they are. */
  raw: boolean;
}

/**
 * The window ending with the bucket `now` falls in. Buckets are aligned to the epoch, so a bucket's start
 * is the same whichever minute the range is asked at, and the window holds exactly `buckets` of them:
 * starting it at `now - range` would cut the first one short and give one bucket too many.
 */
export function historyWindow(range: HistoryRange, now: number): HistoryWindow {
  const bucketSeconds = BUCKET_SECONDS[range];
  const bucketMs = bucketSeconds * 1000;
  const to = (Math.floor(now / bucketMs) + 1) * bucketMs;
  return { range, bucketSeconds, from: to - RANGE_MS[range], to, raw: bucketSeconds === 60 };
}
