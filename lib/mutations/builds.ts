import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, postJson } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { queryKeys } from "../queries/keys";
import { buildResultSchema, retryResultSchema, unblockResultSchema } from "../schemas/builds";

/**
 * Retries one job of a build (Buildkite makes a new job; the old one is marked retried). The build, with its
 * artifacts and annotations, and the build lists are read again so the new job appears.
 */
export function useRetryJob(pipeline: string, number: number) {
  const readAgain = useReadBuildAgain(pipeline, number);
  return useMutation({
    mutationFn: (jobId: string) =>
      apiFetch(apiPaths.retryJob({ pipeline, number, jobId }), retryResultSchema, postJson({})),
    onSuccess: readAgain,
  });
}

/** Unblocks a block step with the operator's field values; the build is read again to show it running on. */
export function useUnblockJob(pipeline: string, number: number) {
  const readAgain = useReadBuildAgain(pipeline, number);
  return useMutation({
    mutationFn: ({ jobId, fields }: { jobId: string; fields: Record<string, string> }) =>
      apiFetch(apiPaths.unblockJob({ pipeline, number, jobId }), unblockResultSchema, postJson({ fields })),
    onSuccess: readAgain,
  });
}

/** Cancels the build; it and the lists are read again to show it canceled. */
export function useCancelBuild(pipeline: string, number: number) {
  const readAgain = useReadBuildAgain(pipeline, number);
  return useMutation({
    mutationFn: () => apiFetch(apiPaths.cancelBuild(pipeline, number), buildResultSchema, postJson({})),
    onSuccess: readAgain,
  });
}

/** Rebuilds the build; the answer is the new build, which the lists gain. */
export function useRebuildBuild(pipeline: string, number: number) {
  const readAgain = useReadBuildAgain(pipeline, number);
  return useMutation({
    mutationFn: () => apiFetch(apiPaths.rebuildBuild(pipeline, number), buildResultSchema, postJson({})),
    onSuccess: readAgain,
  });
}

/** After a write to a build: the build, with its artifacts and annotations, and every build list. */
function useReadBuildAgain(pipeline: string, number: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.builds.build(pipeline, number) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.builds.lists() }),
    ]);
}
