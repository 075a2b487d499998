import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "./api-fetch";
import { buildsListApiQuery, type BuildFilters } from "./build-filters";
import {
  annotationSchema,
  artifactSchema,
  buildDetailSchema,
  buildSummaryFactsSchema,
  buildSummarySchema,
  retryResultSchema,
} from "./builds-view";
import type { SuccessEnvelope } from "./envelope";

// Queries and the one write of the builds pages. The keys start with "build" for one build, so
// invalidating a build after a retry refreshes its jobs, artifacts and annotations together; the lists
// have a key of their own (a pipeline named "list" cannot collide with them).

export const buildKeys = {
  lists: () => ["builds-list"] as const,
  list: (filters: BuildFilters) => ["builds-list", filters] as const,
  build: (pipeline: string, number: number) => ["build", pipeline, number] as const,
  artifacts: (pipeline: string, number: number) => ["build", pipeline, number, "artifacts"] as const,
  annotations: (pipeline: string, number: number) => ["build", pipeline, number, "annotations"] as const,
  authStatus: () => ["auth-status"] as const,
};

const enc = encodeURIComponent;
const buildPath = (pipeline: string, number: number) => `/api/v1/pipelines/${enc(pipeline)}/builds/${number}`;

export const buildsListQuery = (filters: BuildFilters) =>
  queryOptions({
    queryKey: buildKeys.list(filters),
    queryFn: ({ signal }) => apiFetch(`/api/v1/builds?${new URLSearchParams(buildsListApiQuery(filters))}`, z.array(buildSummarySchema), { signal }),
  });

export const buildQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: buildKeys.build(pipeline, number),
    queryFn: ({ signal }) => apiFetch(buildPath(pipeline, number), buildDetailSchema, { signal }),
  });

export const artifactsQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: buildKeys.artifacts(pipeline, number),
    queryFn: ({ signal }) => apiFetch(`${buildPath(pipeline, number)}/artifacts`, z.array(artifactSchema), { signal }),
  });

export const annotationsQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: buildKeys.annotations(pipeline, number),
    queryFn: ({ signal }) => apiFetch(`${buildPath(pipeline, number)}/annotations`, z.array(annotationSchema), { signal }),
  });

const capabilitySchema = z.object({
  requiredScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  ready: z.boolean(),
});
export type Capability = z.infer<typeof capabilitySchema>;

/**
 * The parts of `auth.status` the builds pages use. The REST token's facts are optional and fall back to
 * "unknown" rather than failing the page: the server refuses a retry the token cannot make anyway.
 */
export const authStatusSchema = z.object({
  mode: z.string(),
  clusterToken: z.object({ stackKey: z.string() }),
  rest: z
    .object({
      configured: z.boolean(),
      valid: z.boolean().nullable().optional(),
      scopes: z.array(z.string()),
      missingScopes: z.array(z.string()),
      /** Why the token's scopes are unknown (Buildkite could not be asked), or null. */
      error: z.object({ message: z.string() }).nullable().optional(),
    })
    .optional()
    .catch(undefined),
  capabilities: z
    .object({ jobsRetry: capabilitySchema.optional().catch(undefined) })
    .optional()
    .catch(undefined),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const authStatusQuery = () =>
  queryOptions({
    queryKey: buildKeys.authStatus(),
    queryFn: ({ signal }) => apiFetch("/api/v1/auth/status", authStatusSchema, { signal }),
    // Token scopes change only when the console is reconfigured.
    staleTime: 60_000,
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
  return { count: envelope.data.length, totalBytes: envelope.data.reduce((sum, artifact) => sum + artifact.fileSize, 0) };
}

/**
 * Retries one job of a build (Buildkite makes a new job; the old one is marked retried). The build is read
 * again afterwards so the new job appears in the list.
 */
export function useRetryJob(pipeline: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      apiFetch(`${buildPath(pipeline, number)}/jobs/${enc(jobId)}/retry`, retryResultSchema, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: buildKeys.build(pipeline, number) }),
        queryClient.invalidateQueries({ queryKey: buildKeys.lists() }),
      ]),
  });
}
