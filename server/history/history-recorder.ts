import "server-only";
import type { Logger } from "pino";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { TriageAgent } from "../triage/input";
import { SAMPLES_KEPT_MS, type QueueSamples } from "./queue-samples";
import { minuteOf, sampleOf } from "./sample-of";

/** A queue as a fresh Buildkite read found it: what the shared poller hands the recorder. */
export interface FreshQueueRead {
  stackKey: string;
  queueKey: string;
  jobs: readonly ScheduledJob[];
  dispatchPaused: boolean;
  /** The cluster queue the Stacks API said this is: it finds the cluster's default queue. */
  clusterQueueId: string | null;
  complete: boolean;
  readAt: number;
}

export interface HistoryRecorderOptions {
  samples: QueueSamples;
  /** The shared agents read (null when the agents cannot be read): the one triage uses, no call of its own. */
  agents: () => Promise<readonly TriageAgent[] | null>;
  /**
   * The key of the queue agents without a queue tag serve, from the shared cluster reads; without it, `_default`.
   * It decides which agents count as the queue's busy and idle ones.
   */
  defaultQueue?: (clusterQueueId: string | null) => Promise<string>;
  logger: Pick<Logger, "warn">;
  /** How often this instance prunes; an hour unless a test says otherwise. */
  pruneEveryMs?: number;
}

export interface HistoryRecorder {
  /**
   * Records the minute's sample of a freshly read queue unless this instance already did. Returns at once
   * and never throws: the history is a by-product of the read, so it may not fail or slow it.
   */
  observe(read: FreshQueueRead): void;
  /** Deletes samples older than 14 days if this instance has not done so within the hour. */
  pruneIfDue(now?: number): Promise<void>;
  /** Resolves when the samples observed so far are written (or failed): for a shutdown, or a test. */
  settled(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const { samples, agents, defaultQueue, logger, pruneEveryMs = HOUR_MS } = options;
  // The minute each queue was last recorded by this instance: a queue is read every poll interval, so
  // without it every poll would be a database write. Other instances are kept out by the primary key.
  const recorded = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  let prunedAt = -Infinity;
  let pruning: Promise<void> | null = null;

  async function record(read: FreshQueueRead, topic: string, minute: string): Promise<void> {
    try {
      const [serving, defaultKey] = await Promise.all([
        agents().catch(() => null),
        defaultQueue?.(read.clusterQueueId).catch(() => undefined),
      ]);
      const sample = sampleOf({ ...read, now: read.readAt, agents: serving, defaultQueue: defaultKey });
      await samples.record(read.stackKey, read.queueKey, sample);
      await pruneIfDue(read.readAt);
    } catch (error) {
      // Forget the minute, so the next poll within it tries again.
      if (recorded.get(topic) === minute) recorded.delete(topic);
      logger.warn(
        { err: error, stackKey: read.stackKey, queueKey: read.queueKey },
        "could not record the queue sample",
      );
    }
  }

  function pruneIfDue(now = Date.now()): Promise<void> {
    if (pruning !== null) return pruning;
    if (now - prunedAt < pruneEveryMs) return Promise.resolve();
    prunedAt = now;
    pruning = samples
      .prune(now - SAMPLES_KEPT_MS)
      .then(
        () => undefined,
        (error: unknown) => {
          // Try again at the next sample rather than in an hour.
          prunedAt = -Infinity;
          logger.warn({ err: error }, "could not prune the queue history");
        },
      )
      .finally(() => {
        pruning = null;
      });
    return pruning;
  }

  return {
    observe(read) {
      const topic = `${read.stackKey}\n${read.queueKey}`;
      const minute = minuteOf(read.readAt);
      if (recorded.get(topic) === minute) return;
      recorded.set(topic, minute);
      const work = record(read, topic, minute);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
    pruneIfDue,
    async settled() {
      await Promise.all([...inFlight]);
    },
  };
}
