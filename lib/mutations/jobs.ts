import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/api-error";
import { apiFetch, postJson, responseMismatch } from "../api/api-fetch";
import { envelopeSchema } from "../api/envelope";
import { apiPaths } from "../api/paths";
import { queryKeys } from "../queries/keys";
import {
  bulkFinishProgressSchema,
  bulkFinishResultSchema,
  finishResultSchema,
  notifyResultSchema,
  reserveResultSchema,
  type BulkFinishOutcome,
} from "../schemas/jobs";

// The changes an operator makes to jobs, one hook each; each hook refreshes what its change touches, so no
// caller can forget to. Every one is a same-origin JSON POST the server checks before calling Buildkite.

/** Reserving or finishing changes the queue's jobs and the console's reservations. */
const refreshJobsOf = (queryClient: QueryClient, stackKey: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.stacks.stack(stackKey) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.reservations.all() }),
  ]);

export function useReserveJobs(stackKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { jobIds: readonly string[]; expirySeconds: number }) =>
      apiFetch(apiPaths.reserveJobs(stackKey), reserveResultSchema, postJson(input)),
    onSettled: () => refreshJobsOf(queryClient, stackKey),
  });
}

export function useFinishJob(stackKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { jobId: string; exitStatus: number; detail: string }) =>
      apiFetch(
        apiPaths.finishJob(stackKey, input.jobId),
        finishResultSchema,
        postJson({ exitStatus: input.exitStatus, detail: input.detail }),
      ),
    onSettled: () => refreshJobsOf(queryClient, stackKey),
  });
}

export function useNotifyJobs(stackKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notifications: readonly { jobId: string; detail: string }[]) =>
      apiFetch(apiPaths.notifyJobs(stackKey), notifyResultSchema, postJson({ notifications })),
    onSettled: (_result, _error, notifications) =>
      Promise.all(
        [...new Set(notifications.map((n) => n.jobId))].map((jobId) =>
          queryClient.invalidateQueries({ queryKey: queryKeys.stacks.jobHistory(stackKey, jobId) }),
        ),
      ),
  });
}

export interface BulkFinishInput {
  jobIds: readonly string[];
  exitStatus: number;
  detail: string;
  onProgress: (done: number, total: number, result: BulkFinishOutcome) => void;
}

/**
 * Finishes many jobs in one call. The server streams one NDJSON line per finished (or failed) job and ends
 * with the envelope, so the operator watches progress instead of a spinner.
 */
async function finishJobsBulk(stackKey: string, { onProgress, ...input }: BulkFinishInput) {
  const response = await fetch(apiPaths.finishJobsBulk(stackKey), {
    ...postJson(input),
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
  });
  if (!response.body) throw new Error("The console's server sent no body.");
  const envelope = envelopeSchema(bulkFinishResultSchema);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? "";
    const lines = buffer.split("\n");
    buffer = done ? "" : (lines.pop() ?? "");
    for (const line of lines) {
      if (!line.trim()) continue;
      const parsed: unknown = JSON.parse(line);
      const progress = bulkFinishProgressSchema.safeParse(parsed);
      if (progress.success) {
        onProgress(progress.data.progress.done, progress.data.progress.total, progress.data.progress.result);
        continue;
      }
      const final = envelope.safeParse(parsed);
      if (!final.success) throw responseMismatch("jobs.finish.bulk", final.error.issues, response.status, "");
      if (!final.data.ok) throw new ApiError(final.data.error, response.status);
      return final.data;
    }
    if (done) throw new Error("The bulk finish stream ended without a result.");
  }
}

export function useFinishJobsBulk(stackKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkFinishInput) => finishJobsBulk(stackKey, input),
    onSettled: () => refreshJobsOf(queryClient, stackKey),
  });
}
