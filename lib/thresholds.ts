// How bad a queue looks at a glance: each number the home cards and the stack header show is ok, warning
// or critical against a pair of limits the server configures (server/config.ts) and hands to the pages.

export const LEVELS = ["ok", "warning", "critical"] as const;
export type Level = (typeof LEVELS)[number];

/** A value at or above `warning` is a warning, at or above `critical` critical. */
export interface Band {
  warning: number;
  critical: number;
}

export interface Thresholds {
  /** Jobs waiting in the queue. */
  backlog: Band;
  /** Seconds the oldest job has waited. `waitSeconds.warning` is also what "a long wait" means. */
  waitSeconds: Band;
  /** Jobs that have waited longer than `waitSeconds.warning`. */
  longWaits: Band;
}

/**
 * Defaults for a fleet of a few dozen agents. Backlog: 50 jobs is more than one burst of builds a healthy
 * fleet clears within a poll or two, 200 means agents are not keeping up at all. Oldest wait: a job picked
 * up normally waits seconds; 5 minutes means nothing can run it, 15 minutes means someone is waiting on it
 * right now. Long waits: one job past 5 minutes is worth a look (a queue rule no agent matches), 20 means
 * the queue as a whole is stuck rather than one odd job.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  backlog: { warning: 50, critical: 200 },
  waitSeconds: { warning: 300, critical: 900 },
  longWaits: { warning: 1, critical: 20 },
};

export function levelOf(value: number | null | undefined, band: Band): Level {
  if (value === null || value === undefined) return "ok";
  if (value >= band.critical) return "critical";
  if (value >= band.warning) return "warning";
  return "ok";
}

const rank: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };

export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = "ok";
  for (const level of levels) if (rank[level] > rank[worst]) worst = level;
  return worst;
}

/** What a queue's numbers add up to; `null` for a number not known yet. */
export interface QueueReading {
  dispatchPaused: boolean;
  scheduledCount: number | null;
  oldestWaitSeconds: number | null;
  longWaits: number | null;
}

export interface QueueLevels {
  backlog: Level;
  oldestWait: Level;
  longWaits: Level;
  /** The worst of the three, and critical whenever dispatch is paused: nothing in the queue will run. */
  overall: Level;
}

export function queueLevels(reading: QueueReading, thresholds: Thresholds): QueueLevels {
  const backlog = levelOf(reading.scheduledCount, thresholds.backlog);
  const oldestWait = levelOf(reading.oldestWaitSeconds, thresholds.waitSeconds);
  const longWaits = levelOf(reading.longWaits, thresholds.longWaits);
  const paused: Level = reading.dispatchPaused ? "critical" : "ok";
  return { backlog, oldestWait, longWaits, overall: worstLevel([backlog, oldestWait, longWaits, paused]) };
}

const titlePrefixes: Record<Level, string> = { ok: "", warning: "△ warning — ", critical: "▲ critical — " };
const anyPrefix = /^(?:△ warning|▲ critical) — /;

/** The tab title with the level in front ("▲ critical — Stack Console"); an ok level leaves it plain. */
export function titleWithLevel(title: string, level: Level): string {
  return titlePrefixes[level] + title.replace(anyPrefix, "");
}
