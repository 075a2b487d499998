import "server-only";
import type { ChangeCause } from "@/lib/schemas/change-sets";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { ApiResult, ScheduledJobsPage, StacksClient } from "../buildkite/stacks";
import type { SharedValue } from "./shared-read";
import type { SharedState } from "./shared-state";
import { queueSnapshotSchema, scheduledPageResultSchema } from "./snapshot-schemas";
import { consoleMetrics } from "../metrics/registry";
import { recordSnapshot } from "./record-snapshot";
import type { FreshQueueRead } from "../history/history-recorder";

/** Every scheduled job of a queue, read page by page up to a cap: what the queue views summarise. */
export interface QueueSnapshot {
  jobs: ScheduledJob[];
  clusterQueue: ScheduledJobsPage["clusterQueue"];
  /** False when the page cap stopped the walk: the count is then a lower bound. */
  complete: boolean;
  /** Where this read stands in the queue's change feed (see record-snapshot.ts). */
  version: number;
}

export const SNAPSHOT_PAGE_SIZE = 1000;
export const SNAPSHOT_MAX_PAGES = 5;

export interface ScheduledPageQuery {
  stackKey: string;
  queueKey: string;
  limit?: number;
  after?: string;
}

// A live read is retried by the next poll a moment later; retrying inside it as well would leave the
// screen silently stale for the whole backoff instead of saying at once that the refresh failed.
const pollOptions = { noRetry: true };

// Keys start with the stack key and a separator that cannot occur in one, so invalidating
// "stack-a" never touches "stack-ab".
const stackPrefix = (stackKey: string) => `${stackKey}\n`;
/** A stack's prefix is the scope a write invalidates. */
const stackScope = (key: string) => key.slice(0, key.indexOf("\n") + 1);

/** Names one queue's change feed. */
export const feedTopic = (stackKey: string, queueKey: string) => `${stackPrefix(stackKey)}${queueKey}`;

export interface LiveReadsOptions {
  stacks: StacksClient;
  ttlMs: number;
  state: SharedState;
  /**
   * Hears each queue read that reached Buildkite (not those answered from the shared cache), once its
   * changes are committed: the queue history samples these. Must return at once and never throw.
   */
  onFreshRead?: (read: FreshQueueRead) => void;
}

export function createLiveReads({ stacks, ttlMs, state, onFreshRead }: LiveReadsOptions) {
  const pages = state.sharedRead<ApiResult<ScheduledJobsPage>>({
    name: "scheduled-page",
    ttlMs,
    schema: scheduledPageResultSchema,
    scopeOf: stackScope,
  });
  const snapshots = state.sharedRead<QueueSnapshot>({
    name: "queue-snapshot",
    ttlMs,
    maxEntries: 64,
    schema: queueSnapshotSchema,
    scopeOf: stackScope,
  });

  function scheduledPage(query: ScheduledPageQuery): Promise<SharedValue<ApiResult<ScheduledJobsPage>>> {
    const key = `${stackPrefix(query.stackKey)}${query.queueKey}\n${query.limit ?? ""}\n${query.after ?? ""}`;
    return pages
      .read(key, () => stacks.listScheduledJobs(query, pollOptions))
      .then((read) => {
        consoleMetrics().sharedReads.record("scheduled_page", read.shared);
        return read;
      });
  }

  function queueSnapshot(query: { stackKey: string; queueKey: string }): Promise<SharedValue<QueueSnapshot>> {
    return readSnapshot(query).then((read) => {
      const metrics = consoleMetrics();
      metrics.sharedReads.record("queue_snapshot", read.shared);
      metrics.queueSnapshots.fresh(query.stackKey, query.queueKey, read.fetchedAt);
      return read;
    });
  }

  /**
   * What an open stream's timer calls a few times an interval to have the queue read once it is due. Not a
   * viewer's read: only the Buildkite call it makes counts in the shared-read metrics, or every tick would
   * count as a hit.
   */
  function keepFresh(query: { stackKey: string; queueKey: string }): Promise<void> {
    return readSnapshot(query).then((read) => {
      const metrics = consoleMetrics();
      if (!read.shared) metrics.sharedReads.record("queue_snapshot", false);
      metrics.queueSnapshots.fresh(query.stackKey, query.queueKey, read.fetchedAt);
    });
  }

  // Why the next reads of a stack happen, when something other than the poll asked for them: good for one
  // interval, the time in which every queue of the stack is read again.
  const causes = new Map<string, { cause: ChangeCause; until: number }>();
  const causeOf = (stackKey: string) => {
    const marked = causes.get(stackKey);
    return marked !== undefined && marked.until > Date.now() ? marked.cause : "poll";
  };

  function readSnapshot(query: { stackKey: string; queueKey: string }): Promise<SharedValue<QueueSnapshot>> {
    const topic = feedTopic(query.stackKey, query.queueKey);
    return snapshots.read(topic, async () => {
      const cause = causeOf(query.stackKey);
      const jobs: ScheduledJob[] = [];
      let clusterQueue: QueueSnapshot["clusterQueue"] = { id: null, dispatchPaused: false };
      let complete = true;
      let pageCount = 0;
      const walk = { ...query, limit: SNAPSHOT_PAGE_SIZE, maxPages: SNAPSHOT_MAX_PAGES };
      for await (const page of stacks.scheduledJobPages(walk, pollOptions)) {
        pageCount += 1;
        jobs.push(...page.data.jobs);
        clusterQueue = page.data.clusterQueue;
        complete = !page.data.pageInfo.hasNextPage;
        if (pageCount === SNAPSHOT_MAX_PAGES) break;
      }
      // Jobs move between pages while we walk them (the list is not a snapshot upstream), so one job can
      // be seen twice; keep its first sighting.
      const seen = new Set<string>();
      const unique = jobs.filter((job) => !seen.has(job.id) && seen.add(job.id));
      const readAt = Date.now();
      const version = await recordSnapshot(state.changes, {
        topic,
        queueKey: query.queueKey,
        jobs: unique,
        dispatchPaused: clusterQueue.dispatchPaused,
        complete,
        readAt,
        cause,
      });
      onFreshRead?.({
        ...query,
        jobs: unique,
        dispatchPaused: clusterQueue.dispatchPaused,
        clusterQueueId: clusterQueue.id,
        complete,
        readAt,
      });
      return { jobs: unique, clusterQueue, complete, version };
    });
  }

  /**
   * Forgets what was read of a stack, so the next read asks Buildkite; `cause` is what the change sets that
   * read produces will say made it (an operator's change by default).
   */
  async function invalidateStack(stackKey: string, cause: ChangeCause = "action"): Promise<void> {
    causes.set(stackKey, { cause, until: Date.now() + ttlMs });
    await Promise.all([pages.invalidate(stackPrefix(stackKey)), snapshots.invalidate(stackPrefix(stackKey))]);
  }

  return { scheduledPage, queueSnapshot, keepFresh, invalidateStack, changes: state.changes };
}

export type LiveReads = ReturnType<typeof createLiveReads>;
