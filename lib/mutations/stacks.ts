import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, postJson } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { queryKeys } from "../queries/keys";
import { deregisterResultSchema, stackSchema } from "../schemas/stacks";

export function useRegisterStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { key: string; queueKey: string; metadata: Record<string, string> }) =>
      apiFetch(apiPaths.registerStack(), stackSchema, postJson({ ...input, type: "custom" })),
    // Settled, not only succeeded: a lost answer may hide a change that did happen.
    onSettled: (_envelope, _error, input) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.stacks.stack(input.key) }),
  });
}

export function useDeregisterStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stackKey: string) =>
      apiFetch(apiPaths.deregisterStack(stackKey), deregisterResultSchema, postJson({})),
    onSettled: (_envelope, _error, stackKey) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.stacks.stack(stackKey) }),
  });
}
