import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { buildsListApiQuery, type BuildFilters } from "../filters/builds";
import {
  annotationSchema,
  artifactSchema,
  buildDetailSchema,
  buildSummaryFactsSchema,
  buildSummarySchema,
  jobEnvResultSchema,
  pipelineSchema,
} from "../schemas/builds";
import type { SuccessEnvelope } from "../api/envelope";
import { queryKeys } from "./keys";

// What the browser reads about builds: lists, one build, its artifacts and annotations, and the figures
// their summaries carry.

export const buildsListQuery = (filters: BuildFilters) =>
  queryOptions({
    queryKey: queryKeys.builds.list(filters),
    queryFn: ({ signal }) =>
      apiFetch(apiPaths.builds(buildsListApiQuery(filters)), z.array(buildSummarySchema), { signal }),
  });

export const buildQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: queryKeys.builds.build(pipeline, number),
    queryFn: ({ signal }) => apiFetch(apiPaths.build(pipeline, number), buildDetailSchema, { signal }),
  });

export const artifactsQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: queryKeys.builds.artifacts(pipeline, number),
    queryFn: ({ signal }) => apiFetch(apiPaths.artifacts(pipeline, number), z.array(artifactSchema), { signal }),
  });

export const annotationsQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: queryKeys.builds.annotations(pipeline, number),
    queryFn: ({ signal }) => apiFetch(apiPaths.annotations(pipeline, number), z.array(annotationSchema), { signal }),
  });

export const pipelinesQuery = () =>
  queryOptions({
    queryKey: queryKeys.builds.pipelines(),
    queryFn: ({ signal }) => apiFetch(apiPaths.pipelines(), z.array(pipelineSchema), { signal }),
    // Pipelines are added rarely; the picker need not follow within seconds.
    staleTime: 5 * 60_000,
  });

/** A job's env from the REST API, for a job the Stacks API no longer has. */
export const restJobEnvQuery = (jobId: string) =>
  queryOptions({
    queryKey: queryKeys.jobs.restEnv(jobId),
    queryFn: ({ signal }) => apiFetch(apiPaths.jobEnvById(jobId), jobEnvResultSchema, { signal }),
    staleTime: Infinity,
  });

/** `builds.get`'s summary: job counts by state and the failed jobs, or null if the server left them out. */
export function buildFacts(envelope: SuccessEnvelope<unknown> | undefined) {
  const parsed = buildSummaryFactsSchema.safeParse(envelope?.summary);
  return parsed.success ? parsed.data : null;
}

const artifactTotalsSchema = z.object({ count: z.number().int(), totalBytes: z.number().int() });

/** `artifacts.list`'s summary, or the same figures counted from the rows if the server left it out. */
export function artifactTotals(envelope: SuccessEnvelope<z.infer<typeof artifactSchema>[]>) {
  const parsed = artifactTotalsSchema.safeParse(envelope.summary);
  if (parsed.success) return parsed.data;
  return {
    count: envelope.data.length,
    totalBytes: envelope.data.reduce((sum, artifact) => sum + artifact.fileSize, 0),
  };
}
