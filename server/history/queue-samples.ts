import "server-only";
import { z } from "zod";
import type { QueueSample } from "@/lib/schemas/queue-history";
import type { Database } from "../store/database";
import type { HistoryWindow } from "./history-window";

// The queue history in the durable store: one row per queue and minute (migration 004_queue_samples).
// Charts read whole ranges, so long ranges are folded into buckets by the database, which sends a few
// hundred rows instead of the 10,080 minutes of a week.

/** How long samples are kept: the longest range charted is a week, and the week before it is there to compare. */
export const SAMPLES_KEPT_MS = 14 * 24 * 60 * 60 * 1000;

export interface QueueSamples {
  /** Records the minute's sample; false when one for that queue and minute was there already (another instance's). */
  record(stackKey: string, queueKey: string, sample: QueueSample): Promise<boolean>;
  /** The samples in `window`, oldest first: raw minutes, or one per bucket for a bucketed window. */
  read(stackKey: string, queueKey: string, window: HistoryWindow): Promise<QueueSample[]>;
  /** Deletes the samples older than `before` (ms); answers how many went. */
  prune(before: number): Promise<number>;
}

const sampleRowSchema = z.object({
  at: z.union([z.date(), z.string()]).transform((at) => new Date(at).toISOString()),
  backlog: z.coerce.number().int().min(0),
  oldest_wait_seconds: z.coerce.number().min(0),
  p50_wait_seconds: z.coerce.number().min(0),
  p95_wait_seconds: z.coerce.number().min(0),
  paused: z.boolean(),
  busy_agents: z.coerce.number().int().min(0).nullable(),
  idle_agents: z.coerce.number().int().min(0).nullable(),
  complete: z.boolean(),
});

const toSample = (row: unknown): QueueSample => {
  const r = sampleRowSchema.parse(row);
  return {
    at: r.at,
    backlog: r.backlog,
    oldestWaitSeconds: r.oldest_wait_seconds,
    p50WaitSeconds: r.p50_wait_seconds,
    p95WaitSeconds: r.p95_wait_seconds,
    paused: r.paused,
    busyAgents: r.busy_agents,
    idleAgents: r.idle_agents,
    complete: r.complete,
  };
};

const RAW_SQL = `
  SELECT at, backlog, oldest_wait_seconds, p50_wait_seconds, p95_wait_seconds, paused, busy_agents, idle_agents, complete
  FROM queue_samples
  WHERE stack_key = $1 AND queue_key = $2 AND at >= $3 AND at < $4
  ORDER BY at`;

// A bucket keeps the worst of its minutes, so a spike seen in the hour view is as high in the week view:
// peaks of backlog and waits, p50 included (its peak, not its mean: averaging would flatten a five-minute
// spike in a half-hour bucket to a sixth of its height, and the peak keeps p50 ≤ p95 ≤ oldest as in each
// sample). Paused if it was at any minute; complete only if every read was. Agents are a level, not an
// event, so the bucket shows them as its last minute saw them.
const BUCKETED_SQL = `
  SELECT date_bin($5::interval, at, timestamptz '1970-01-01 00:00:00+00') AS at,
    max(backlog) AS backlog,
    max(oldest_wait_seconds) AS oldest_wait_seconds,
    max(p50_wait_seconds) AS p50_wait_seconds,
    max(p95_wait_seconds) AS p95_wait_seconds,
    bool_or(paused) AS paused,
    (array_agg(busy_agents ORDER BY at DESC))[1] AS busy_agents,
    (array_agg(idle_agents ORDER BY at DESC))[1] AS idle_agents,
    bool_and(complete) AS complete
  FROM queue_samples
  WHERE stack_key = $1 AND queue_key = $2 AND at >= $3 AND at < $4
  GROUP BY 1
  ORDER BY 1`;

/** The history over the store; `database` is asked for on each call, so the store opens only when first used. */
export function createQueueSamples(database: () => Promise<Pick<Database, "query">>): QueueSamples {
  const query = async <R extends object>(text: string, params: unknown[]) => (await database()).query<R>(text, params);

  return {
    async record(stackKey, queueKey, sample) {
      const inserted = await query<{ at: unknown }>(
        `INSERT INTO queue_samples (stack_key, queue_key, at, backlog, oldest_wait_seconds, p50_wait_seconds,
           p95_wait_seconds, paused, busy_agents, idle_agents, complete)
         VALUES ($1, $2, date_trunc('minute', $3::timestamptz), $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (stack_key, queue_key, at) DO NOTHING
         RETURNING at`,
        [
          stackKey,
          queueKey,
          sample.at,
          sample.backlog,
          sample.oldestWaitSeconds,
          sample.p50WaitSeconds,
          sample.p95WaitSeconds,
          sample.paused,
          sample.busyAgents,
          sample.idleAgents,
          sample.complete,
        ],
      );
      return inserted.length > 0;
    },
    async read(stackKey, queueKey, window) {
      const span = [stackKey, queueKey, new Date(window.from).toISOString(), new Date(window.to).toISOString()];
      const rows = window.raw
        ? await query<object>(RAW_SQL, span)
        : await query<object>(BUCKETED_SQL, [...span, `${window.bucketSeconds} seconds`]);
      return rows.map(toSample);
    },
    async prune(before) {
      const [row] = await query<object>(
        "WITH gone AS (DELETE FROM queue_samples WHERE at < $1 RETURNING 1) SELECT count(*)::integer AS n FROM gone",
        [new Date(before).toISOString()],
      );
      return z.object({ n: z.coerce.number().int() }).parse(row).n;
    },
  };
}
