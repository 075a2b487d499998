import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, postJson } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { queryKeys } from "../queries/keys";
import { dispatchResultSchema } from "../schemas/stacks";

/** Pauses dispatch of a queue (with the note Buildkite shows everyone) or resumes it. */
export function useSetDispatch(stackKey: string, queueKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { paused: true; note: string } | { paused: false }) =>
      input.paused
        ? apiFetch(apiPaths.pauseDispatch(stackKey, queueKey), dispatchResultSchema, postJson({ note: input.note }))
        : apiFetch(apiPaths.resumeDispatch(stackKey, queueKey), dispatchResultSchema, postJson({})),
    // The triage panel's "dispatch is paused" finding goes (or comes) with the pause, not a poll later.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.stacks.queue(stackKey, queueKey) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.stacks.triage(stackKey, queueKey) }),
      ]),
  });
}
