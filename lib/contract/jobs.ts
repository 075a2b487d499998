import { z } from "zod";
import { commandEnvelope, rawEnvelope } from "./envelope";
import { contractJobSchema, jobRequestSchema } from "./common";

export const DEFAULT_LOG_MAX_BYTES = 250_000;

export const jobsLogGetParts = {
  request: jobRequestSchema.extend({
    maxBytes: z.number().int(),
    // Null when every line of the fetched bytes is wanted.
    tailLines: z.number().int().nullable(),
  }),
  summary: z.object({ lineCount: z.number().int(), truncated: z.boolean() }),
  data: z.object({
    jobId: z.string(),
    encoding: z.literal("utf-8"),
    lineCount: z.number().int(),
    truncated: z.boolean(),
    content: z.string(),
  }),
  pagination: z.null(),
};
export const jobsLogGetEnvelope = commandEnvelope("jobs.log.get", jobsLogGetParts);

export const jobsRetryParts = {
  request: jobRequestSchema,
  summary: z.object({ retried: z.boolean(), jobId: z.string(), state: z.string() }),
  data: z.object({ job: contractJobSchema }),
  pagination: z.null(),
};
export const jobsRetryEnvelope = commandEnvelope("jobs.retry", jobsRetryParts);
export const jobsRetryRawEnvelope = rawEnvelope("jobs.retry", jobsRetryParts.request);
