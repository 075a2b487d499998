import { z } from "zod";
import { commandEnvelope, rawEnvelope } from "./envelope";
import {
  buildRequestSchema,
  contractBuildSchema,
  contractJobSchema,
  countSummarySchema,
  jobRequestSchema,
} from "./common";

// The contract's "future commands", in the same form as the MVP ones.

const buildResultData = z.object({ build: contractBuildSchema });
const buildResultSummary = z.object({ buildNumber: z.number().int(), state: z.string() });

export const buildsCreateParts = {
  request: z.object({
    org: z.string(),
    pipeline: z.string(),
    commit: z.string(),
    branch: z.string(),
    message: z.string().nullable(),
  }),
  summary: buildResultSummary.extend({ created: z.boolean() }),
  data: buildResultData,
  pagination: z.null(),
};
export const buildsCreateEnvelope = commandEnvelope("builds.create", buildsCreateParts);
export const buildsCreateRawEnvelope = rawEnvelope("builds.create", buildsCreateParts.request);

export const buildsRebuildParts = {
  request: buildRequestSchema,
  // `buildNumber` is the new build's; the request keeps the one rebuilt.
  summary: buildResultSummary.extend({ rebuilt: z.boolean() }),
  data: buildResultData,
  pagination: z.null(),
};
export const buildsRebuildEnvelope = commandEnvelope("builds.rebuild", buildsRebuildParts);
export const buildsRebuildRawEnvelope = rawEnvelope("builds.rebuild", buildsRebuildParts.request);

export const buildsCancelParts = {
  request: buildRequestSchema,
  summary: buildResultSummary.extend({ canceled: z.boolean() }),
  data: buildResultData,
  pagination: z.null(),
};
export const buildsCancelEnvelope = commandEnvelope("builds.cancel", buildsCancelParts);
export const buildsCancelRawEnvelope = rawEnvelope("builds.cancel", buildsCancelParts.request);

export const jobsUnblockParts = {
  request: jobRequestSchema.extend({ fields: z.record(z.string(), z.string()) }),
  summary: z.object({ unblocked: z.boolean(), jobId: z.string(), state: z.string() }),
  data: z.object({ job: contractJobSchema }),
  pagination: z.null(),
};
export const jobsUnblockEnvelope = commandEnvelope("jobs.unblock", jobsUnblockParts);
export const jobsUnblockRawEnvelope = rawEnvelope("jobs.unblock", jobsUnblockParts.request);

export const jobsEnvGetParts = {
  request: jobRequestSchema,
  summary: countSummarySchema,
  data: z.object({ jobId: z.string(), env: z.record(z.string(), z.string()) }),
  pagination: z.null(),
};
export const jobsEnvGetEnvelope = commandEnvelope("jobs.env.get", jobsEnvGetParts);
export const jobsEnvGetRawEnvelope = rawEnvelope("jobs.env.get", jobsEnvGetParts.request);

export const contractPipelineSchema = z.object({
  slug: z.string(),
  name: z.string(),
  repository: z.string().nullable(),
  webUrl: z.string().nullable(),
});

export const pipelinesListParts = {
  request: z.object({ org: z.string() }),
  summary: countSummarySchema,
  // Every pipeline of the organization, read whole: there is no page to ask for.
  data: z.array(contractPipelineSchema),
  pagination: z.null(),
};
export const pipelinesListEnvelope = commandEnvelope("pipelines.list", pipelinesListParts);
export const pipelinesListRawEnvelope = rawEnvelope("pipelines.list", pipelinesListParts.request);
