import "server-only";
import type { Logger } from "pino";

export interface SampledQueue {
  stackKey: string;
  queueKey: string;
}

export interface MinuteSamplerOptions {
  /** The queues to keep a history of: each watched queue of each stack the console knows. */
  queues: () => Promise<SampledQueue[]>;
  /**
   * Reads a queue through the shared snapshot. A read that reaches Buildkite records the minute's sample
   * as any viewer's would; one answered from the shared cache means a read within the poll interval did.
   */
  read: (queue: SampledQueue) => Promise<void>;
  /** Runs at start and at each tick; the recorder itself limits it to once an hour. */
  prune: () => Promise<void>;
  logger: Pick<Logger, "warn">;
  /** A minute; shorter only in tests. */
  intervalMs?: number;
}

export interface MinuteSampler {
  stop(): void;
}

const MINUTE_MS = 60_000;

/**
 * Keeps the history accruing on a long-running server while nobody has a page open: otherwise it would only
 * grow while someone watches, and the night the queue backed up would be a gap. Ticks fall in the middle
 * of each interval, so a read answered from the shared cache (a few seconds old at most) was made in the
 * same minute and recorded it. The timer is unref'd: it never keeps a stopping server alive.
 *
 * A serverless host (Vercel) runs no background process, so start-up does not start this there: the
 * history then accrues only while someone reads the queues.
 */
export function startMinuteSampler(options: MinuteSamplerOptions): MinuteSampler {
  const { queues, read, prune, logger, intervalMs = MINUTE_MS } = options;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function tick(): Promise<void> {
    await prune().catch((error: unknown) => logger.warn({ err: error }, "could not prune the queue history"));
    const list = await queues().catch((error: unknown) => {
      logger.warn({ err: error }, "could not list the queues to sample");
      return [];
    });
    // One queue after another: the sampler's reads should not arrive at Buildkite as a burst.
    for (const queue of list) {
      if (stopped) return;
      await read(queue).catch((error: unknown) =>
        logger.warn({ err: error, ...queue }, "could not read the queue to sample it"),
      );
    }
  }

  function schedule(): void {
    if (stopped) return;
    const delay = (intervalMs * 1.5 - (Date.now() % intervalMs)) % intervalMs || intervalMs;
    timer = setTimeout(() => void tick().finally(schedule), delay);
    timer.unref();
  }

  void prune().catch((error: unknown) => logger.warn({ err: error }, "could not prune the queue history"));
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
