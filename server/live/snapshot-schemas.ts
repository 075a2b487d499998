import "server-only";
import { z } from "zod";
import { buildkiteUserSchema } from "@/lib/schemas/buildkite-user";
import { scheduledJobSchema } from "@/lib/schemas/jobs";
import type { ApiResult } from "../buildkite/http";
import type { RestBudget } from "../buildkite/rest";
import type { RestCluster, RestClusterQueue } from "../buildkite/rest-schemas";
import type { ScheduledJobsPage } from "../buildkite/stacks-schemas";

// What the shared reads cache, as it reads back from another instance: the values as the clients return
// them (already parsed from Buildkite's wire shape), so these are not the wire schemas. `satisfies` ties
// each to the type it stands for, so a field added there fails to build until it is added here.

const rateLimitSchema = z.object({
  scope: z.string().nullable(),
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  resetSeconds: z.number().nullable(),
});

const clusterQueueRefSchema = z.object({ id: z.string().nullable(), dispatchPaused: z.boolean() });

const scheduledJobsPageSchema = z.object({
  jobs: z.array(scheduledJobSchema),
  clusterQueue: clusterQueueRefSchema,
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
}) satisfies z.ZodType<ScheduledJobsPage>;

export const scheduledPageResultSchema = z.object({
  data: scheduledJobsPageSchema,
  raw: z.json(),
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  rateLimit: rateLimitSchema.nullable(),
  attempts: z.number(),
}) satisfies z.ZodType<ApiResult<ScheduledJobsPage>>;

export const queueSnapshotSchema = z.object({
  jobs: z.array(scheduledJobSchema),
  clusterQueue: clusterQueueRefSchema,
  complete: z.boolean(),
  version: z.number().int(),
});

export const restClusterQueueSchema = z.object({
  id: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  dispatchPaused: z.boolean(),
  dispatchPausedBy: buildkiteUserSchema.nullable(),
  dispatchPausedAt: z.string().nullable(),
  dispatchPausedNote: z.string().nullable(),
  createdAt: z.string().nullable(),
}) satisfies z.ZodType<RestClusterQueue>;

export const restClusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  defaultQueueId: z.string().nullable(),
  createdAt: z.string().nullable(),
}) satisfies z.ZodType<RestCluster>;

export const restBudgetSchema = z.object({
  organization: rateLimitSchema.nullable(),
  user: rateLimitSchema.nullable(),
  observedAt: z.number().nullable(),
}) satisfies z.ZodType<RestBudget>;
