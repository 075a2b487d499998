import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, postJson } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { queryKeys } from "../queries/keys";
import { retryResultSchema } from "../schemas/builds";

/**
 * Retries one job of a build (Buildkite makes a new job; the old one is marked retried). The build, with its
 * artifacts and annotations, and the build lists are read again so the new job appears.
 */
export function useRetryJob(pipeline: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      apiFetch(apiPaths.retryJob({ pipeline, number, jobId }), retryResultSchema, postJson({})),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.builds.build(pipeline, number) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.builds.lists() }),
      ]),
  });
}
