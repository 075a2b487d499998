import { z } from "zod";
import type { Pagination } from "@/lib/contract/pagination";
import { defineCommand } from "../command";
import { fields } from "../options";
import { stackFields, stackOptions } from "./stacks-options";

export const stacksJobsList = defineCommand({
  name: "stacks.jobs.list",
  description: "list a queue's scheduled jobs (Stacks API); pass pagination.nextPage back as --after",
  options: [
    stackOptions.stackKey,
    stackOptions.queueKey,
    { flags: "--limit <n>", description: "jobs per page, 1-1000 (Buildkite's default when left out)" },
    { flags: "--after <cursor>", description: "the cursor of the page to start after" },
  ],
  raw: true,
  input: z.object({
    ...stackFields,
    limit: fields.count("a number of jobs", { min: 1, max: 1000 }).optional(),
    after: z.string().min(1).max(1024).optional(),
  }),
  request: (input) => ({
    stackKey: input.stackKey,
    queueKey: input.queueKey,
    limit: input.limit ?? null,
    after: input.after ?? null,
  }),
  async run(input, context) {
    const result = await context.stacks().listScheduledJobs(input);
    const { jobs, clusterQueue, pageInfo } = result.data;
    const nextCursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    // A cursor list: there are no page numbers, and nextPage carries the cursor to pass as --after.
    const pagination: Pagination = {
      page: null,
      perPage: input.limit ?? null,
      nextPage: nextCursor,
      prevPage: null,
      hasMore: nextCursor !== null,
    };
    return {
      summary: { count: jobs.length, dispatchPaused: clusterQueue.dispatchPaused },
      data: context.raw ? result.raw : { jobs, clusterQueue },
      pagination,
    };
  },
});
