import "server-only";
import { scheduledJobSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { wholeNumberText } from "@/lib/inputs/numbers";
import { defineCommand } from "../route-kit/command";
import { contentHash, omitFields } from "../route-kit/etag";
import { consoleMetrics } from "../metrics/registry";
import { SNAPSHOT_MAX_PAGES, SNAPSHOT_PAGE_SIZE } from "../live/live-reads";
import { queueInput, stackInput, watchedQueue } from "../stacks/stack-inputs";

const scheduledJobsListInput = queueInput.extend({
  limit: wholeNumberText("a page size", { min: 1, max: 1000 }).optional(),
  // Buildkite's cursors are opaque but always printable ASCII: anything else is refused without asking it.
  after: z
    .string()
    .regex(/^[\x21-\x7E]{1,1024}$/, "must be a cursor from a previous page")
    .optional(),
  /** Every page (up to the snapshot cap) in one answer, from the shared snapshot the queue views use. */
  all: z.enum(["1", "true"], "must be 1 or true").optional(),
});

export const jobsScheduledList = defineCommand({
  name: "jobs.scheduled.list",
  permission: "read",
  output: z.array(scheduledJobSchema),
  params: stackInput,
  query: scheduledJobsListInput,
  async run({ params, query }, { runtime, operator }) {
    const queueKey = watchedQueue(runtime, query.queue);
    consoleMetrics().liveViewers.polled(operator.id);
    if (query.all) {
      const snapshot = await runtime.live.queueSnapshot({ stackKey: params.key, queueKey });
      const { jobs, clusterQueue, complete } = snapshot.value;
      return {
        data: jobs,
        summary: {
          count: jobs.length,
          complete,
          cap: SNAPSHOT_PAGE_SIZE * SNAPSHOT_MAX_PAGES,
          queueKey,
          dispatchPaused: clusterQueue.dispatchPaused,
          clusterQueueId: clusterQueue.id,
          oldestScheduledAt: jobs[0]?.scheduledAt ?? null,
          fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
          // Where this list stands in the queue's change feed: the stream continues from here.
          version: snapshot.value.version,
        },
        pagination: { page: null, perPage: null, nextPage: null, prevPage: null, hasMore: !complete },
      };
    }
    const page = await runtime.live.scheduledPage({
      stackKey: params.key,
      queueKey,
      limit: query.limit,
      after: query.after,
    });
    const { jobs, clusterQueue, pageInfo } = page.value.data;
    return {
      data: jobs,
      raw: page.value.raw,
      summary: {
        count: jobs.length,
        queueKey,
        dispatchPaused: clusterQueue.dispatchPaused,
        clusterQueueId: clusterQueue.id,
        oldestScheduledAt: jobs[0]?.scheduledAt ?? null,
        fetchedAt: new Date(page.fetchedAt).toISOString(),
      },
      pagination: {
        page: null,
        perPage: query.limit ?? null,
        nextPage: pageInfo.hasNextPage ? pageInfo.endCursor : null,
        prevPage: null,
        hasMore: pageInfo.hasNextPage,
      },
    };
  },
  // Everything answered but the time of the read. The whole list stands at a version of the queue's change
  // feed (see server/live/record-snapshot.ts), which changes exactly when a job does and never repeats
  // across restarts, so 5000 jobs need no hashing; one page of them is hashed.
  etag: (output, { raw }) => {
    const summary = omitFields(output.summary ?? {}, ["fetchedAt"]);
    return typeof summary.version === "number" && !raw
      ? contentHash([summary, output.pagination ?? null])
      : contentHash([contentHash(raw ? output.raw : output.data), summary, output.pagination ?? null]);
  },
});
