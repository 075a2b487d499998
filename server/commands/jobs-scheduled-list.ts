import "server-only";
import { z } from "zod";
import { defineCommand } from "../command";
import { queueQuery, stackParams } from "./inputs";

const listQuery = queueQuery.extend({
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").optional(),
  after: z.string().min(1).max(1024).optional(),
});

export const jobsScheduledList = defineCommand({
  name: "jobs.scheduled.list",
  permission: "read",
  params: stackParams,
  query: listQuery,
  async run({ params, query }, { runtime }) {
    const queueKey = query.queue ?? runtime.config.queueKeys[0] ?? "_default";
    const page = await runtime.live.scheduledPage({ stackKey: params.key, queueKey, limit: query.limit, after: query.after });
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
});
