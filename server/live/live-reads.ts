import "server-only";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { ApiResult, ScheduledJobsPage, StacksClient } from "../buildkite/stacks";
import type { SharedValue } from "./shared-read";
import type { SharedState } from "./shared-state";
import { queueSnapshotSchema, scheduledPageResultSchema } from "./snapshot-schemas";
import { consoleMetrics } from "../metrics/registry";

/** Every scheduled job of a queue, read page by page up to a cap: what the queue views summarise. */
export interface QueueSnapshot {
  jobs: ScheduledJob[];
  clusterQueue: ScheduledJobsPage["clusterQueue"];
  /** False when the page cap stopped the walk: the count is then a lower bound. */
  complete: boolean;
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

export function createLiveReads({ stacks, ttlMs, state }: { stacks: StacksClient; ttlMs: number; state: SharedState }) {
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

  function readSnapshot(query: { stackKey: string; queueKey: string }): Promise<SharedValue<QueueSnapshot>> {
    return snapshots.read(`${stackPrefix(query.stackKey)}${query.queueKey}`, async () => {
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
      return { jobs: jobs.filter((job) => !seen.has(job.id) && seen.add(job.id)), clusterQueue, complete };
    });
  }

  async function invalidateStack(stackKey: string): Promise<void> {
    await Promise.all([pages.invalidate(stackPrefix(stackKey)), snapshots.invalidate(stackPrefix(stackKey))]);
  }

  return { scheduledPage, queueSnapshot, invalidateStack };
}

export type LiveReads = ReturnType<typeof createLiveReads>;
