import { z } from "zod";

// Shapes several commands share: the request echo of a build or job, and the contract's build and job.

export const buildRequestSchema = z.object({
  org: z.string(),
  pipeline: z.string(),
  buildNumber: z.number().int(),
});

export const jobRequestSchema = buildRequestSchema.extend({ jobId: z.string() });

/** A job as builds.get and jobs.retry show it; `exitStatus` is text, as the contract writes it ("1"). */
export const contractJobSchema = z.object({
  id: z.string(),
  type: z.string(),
  // Waiters have no name or step key, and a job that has not finished has no exit status.
  name: z.string().nullable(),
  stepKey: z.string().nullable(),
  state: z.string(),
  exitStatus: z.string().nullable(),
  webUrl: z.string().nullable(),
});
export type ContractJob = z.infer<typeof contractJobSchema>;

/** A build as builds.get shows it. */
export const contractBuildSchema = z.object({
  number: z.number().int(),
  state: z.string(),
  branch: z.string(),
  commit: z.string(),
  // Buildkite allows a build without a message.
  message: z.string().nullable(),
  webUrl: z.string(),
});
export type ContractBuild = z.infer<typeof contractBuildSchema>;

/** A build as builds.list shows it: builds.get's fields plus its pipeline and times. */
export const contractBuildListItemSchema = contractBuildSchema.extend({
  pipeline: z.object({ slug: z.string() }),
  createdAt: z.string(),
  // A build that has not started (or not finished) has no such time yet.
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ContractBuildListItem = z.infer<typeof contractBuildListItemSchema>;

export const countSummarySchema = z.object({ count: z.number().int() });
export const emptyRequestSchema = z.object({});
