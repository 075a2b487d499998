import { z } from "zod";
import { ApiError } from "./api-error";
import { apiFetch } from "./api-fetch";
import { envelopeSchema } from "./envelope";
import {
  bulkFinishProgressSchema,
  bulkFinishResultSchema,
  finishResultSchema,
  notifyResultSchema,
  reserveResultSchema,
  stackSchema,
  type BulkFinishOutcome,
} from "./jobs-view";

// The console's writes, one function each. Every one is a same-origin JSON POST to the BFF, which checks
// the operator's permission and validates before anything reaches Buildkite.

const enc = encodeURIComponent;
const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export const reserveJobs = (stackKey: string, jobIds: string[], expirySeconds: number) =>
  apiFetch(`/api/v1/stacks/${enc(stackKey)}/reservations`, reserveResultSchema, post({ jobIds, expirySeconds }));

export const finishJob = (stackKey: string, jobId: string, exitStatus: number, detail: string) =>
  apiFetch(`/api/v1/stacks/${enc(stackKey)}/jobs/${enc(jobId)}/finish`, finishResultSchema, post({ exitStatus, detail }));

export const notifyJobs = (stackKey: string, notifications: { jobId: string; detail: string }[]) =>
  apiFetch(`/api/v1/stacks/${enc(stackKey)}/notifications`, notifyResultSchema, post({ notifications }));

export const registerStack = (input: { key: string; queueKey: string; metadata: Record<string, string> }) =>
  apiFetch("/api/v1/stacks", stackSchema, post({ ...input, type: "custom" }));

export const deregisterStack = (stackKey: string) =>
  apiFetch(`/api/v1/stacks/${enc(stackKey)}/deregister`, z.object({ key: z.string(), deregistered: z.boolean() }), post({}));

/**
 * Finishes many jobs in one BFF call. The server streams one NDJSON line per finished (or failed) job and
 * ends with the envelope, so the operator watches progress instead of a spinner.
 */
export async function finishJobsBulk(
  stackKey: string,
  input: { jobIds: string[]; exitStatus: number; detail: string },
  onProgress: (done: number, total: number, result: BulkFinishOutcome) => void,
) {
  const response = await fetch(`/api/v1/stacks/${enc(stackKey)}/bulk-finish`, {
    ...post(input),
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
      const final = envelope.parse(parsed);
      if (!final.ok) throw new ApiError(final.error, response.status);
      return final;
    }
    if (done) throw new Error("The bulk finish stream ended without a result.");
  }
}

const dispatchResultSchema = z.object({ stackKey: z.string(), queueKey: z.string(), dispatchPaused: z.boolean(), note: z.string().nullable() });

export const pauseDispatch = (stackKey: string, queueKey: string, note: string) =>
  apiFetch(`/api/v1/stacks/${enc(stackKey)}/queue/pause?queue=${enc(queueKey)}`, dispatchResultSchema, post({ note }));

export const resumeDispatch = (stackKey: string, queueKey: string) =>
  apiFetch(`/api/v1/stacks/${enc(stackKey)}/queue/resume?queue=${enc(queueKey)}`, dispatchResultSchema, post({}));
