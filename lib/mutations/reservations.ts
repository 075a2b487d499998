import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, postJson } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { queryKeys } from "../queries/keys";
import { bulkFinishResultSchema, releaseResultSchema, reserveResultSchema } from "../schemas/jobs";

// The reservations page's changes, one stack per call (a reservation belongs to the stack that holds it).
// Each refreshes the reservations and the stack's own views, as the stack page's changes do.

export interface StackJobs {
  stackKey: string;
  jobIds: readonly string[];
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return (_result: unknown, _error: unknown, input: StackJobs) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.stacks.stack(input.stackKey) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.reservations.all() }),
    ]);
}

/** Reserving a job the stack already holds extends it to `expirySeconds` from now. */
export function useExtendReservations() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: ({ stackKey, jobIds, expirySeconds }: StackJobs & { expirySeconds: number }) =>
      apiFetch(apiPaths.reserveJobs(stackKey), reserveResultSchema, postJson({ jobIds, expirySeconds })),
    onSettled,
  });
}

export function useReleaseReservations() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: ({ stackKey, jobIds }: StackJobs) =>
      apiFetch(apiPaths.releaseJobs(stackKey), releaseResultSchema, postJson({ jobIds })),
    onSettled,
  });
}

/** Through the stack's bulk finish, answered as one envelope: a page of reservations is never thousands. */
export function useFinishReserved() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: ({ stackKey, jobIds, exitStatus, detail }: StackJobs & { exitStatus: number; detail: string }) =>
      apiFetch(apiPaths.finishJobsBulk(stackKey), bulkFinishResultSchema, postJson({ jobIds, exitStatus, detail })),
    onSettled,
  });
}
