import { z } from "zod";
import { commandEnvelope, rawEnvelope } from "./envelope";
import { paginationSchema } from "./pagination";
import {
  buildRequestSchema,
  contractBuildListItemSchema,
  contractBuildSchema,
  contractJobSchema,
  countSummarySchema,
} from "./common";

export const buildsListParts = {
  // Every key is echoed; a filter that was not given is null (no org lists every organization's builds).
  request: z.object({
    org: z.string().nullable(),
    pipeline: z.string().nullable(),
    branch: z.string().nullable(),
    state: z.string().nullable(),
    page: z.number().int(),
    perPage: z.number().int(),
  }),
  summary: countSummarySchema.extend({ states: z.record(z.string(), z.number().int()) }),
  data: z.array(contractBuildListItemSchema),
  pagination: paginationSchema,
};
export const buildsListEnvelope = commandEnvelope("builds.list", buildsListParts);
export const buildsListRawEnvelope = rawEnvelope("builds.list", buildsListParts.request);

export const buildsGetParts = {
  request: buildRequestSchema,
  summary: z.object({
    // The four states the contract names are always there; other states may be counted beside them.
    jobCounts: z.looseObject({
      passed: z.number().int(),
      failed: z.number().int(),
      running: z.number().int(),
      blocked: z.number().int(),
    }),
    failedJobIds: z.array(z.string()),
  }),
  data: z.object({ build: contractBuildSchema, jobs: z.array(contractJobSchema) }),
  pagination: z.null(),
};
export const buildsGetEnvelope = commandEnvelope("builds.get", buildsGetParts);
export const buildsGetRawEnvelope = rawEnvelope("builds.get", buildsGetParts.request);
