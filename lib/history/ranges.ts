import type { HistoryRange } from "../schemas/queue-history";

/** A day: long enough to tell a normal level from a bad one, short enough to show the last hour's shape. */
export const DEFAULT_HISTORY_RANGE: HistoryRange = "24h";

export const rangeWords: Record<HistoryRange, string> = {
  "1h": "the last hour",
  "24h": "the last 24 hours",
  "7d": "the last 7 days",
};

export const RANGE_MS: Record<HistoryRange, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 };
