import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { buildDetailSchema, logChunkSchema, logSearchSchema, type LogChunk, type LogSearch } from "./builds-view";

// Fetchers for the job log viewer. Chunks are not TanStack queries: the viewer keeps a sparse list of them
// keyed by byte range (components/logs/log-chunks.ts), which a cache keyed by request cannot express.

/** Which job's log. */
export interface LogRef {
  pipeline: string;
  number: number;
  jobId: string;
}

/** Which part of the log: nothing for the tail, or exactly one way to place the chunk. */
export type ChunkRequest =
  | { kind: "tail" }
  | { kind: "before"; before: number; bytes?: number }
  | { kind: "line"; line: number }
  | { kind: "after"; after: number; bytes?: number };

const enc = encodeURIComponent;

export const jobPath = (ref: LogRef) => `/api/v1/pipelines/${enc(ref.pipeline)}/builds/${ref.number}/jobs/${enc(ref.jobId)}`;

/** The console's streamed download of the raw log (an attachment, not an envelope). */
export const logDownloadUrl = (ref: LogRef) => `${jobPath(ref)}/log/download`;

export function logChunkUrl(ref: LogRef, request: ChunkRequest): string {
  const params = new URLSearchParams();
  if (request.kind === "before") {
    params.set("before", String(request.before));
    if (request.bytes !== undefined) params.set("bytes", String(request.bytes));
  } else if (request.kind === "line") {
    params.set("line", String(request.line));
  } else if (request.kind === "after") {
    params.set("after", String(request.after));
    if (request.bytes !== undefined) params.set("bytes", String(request.bytes));
  }
  const query = params.toString();
  return `${jobPath(ref)}/log/chunk${query ? `?${query}` : ""}`;
}

export async function fetchLogChunk(ref: LogRef, request: ChunkRequest, signal?: AbortSignal): Promise<LogChunk> {
  const envelope = await apiFetch(logChunkUrl(ref, request), logChunkSchema, { signal });
  return envelope.data;
}

export const logQueryKeys = {
  search: (ref: LogRef, query: string, caseSensitive: boolean) => ["log", ref.pipeline, ref.number, ref.jobId, "search", query, caseSensitive] as const,
  build: (pipeline: string, number: number) => ["log", pipeline, number, "build"] as const,
};

/** The server searches the whole log (not just what the browser holds), so the count is the true one. */
export const logSearchQuery = (ref: LogRef, query: string, caseSensitive: boolean) =>
  queryOptions({
    queryKey: logQueryKeys.search(ref, query, caseSensitive),
    queryFn: async ({ signal }): Promise<LogSearch> => {
      const params = new URLSearchParams({ q: query });
      if (caseSensitive) params.set("caseSensitive", "1");
      return (await apiFetch(`${jobPath(ref)}/log/search?${params.toString()}`, logSearchSchema, { signal })).data;
    },
    enabled: query.length > 0,
    // A finished log does not change; a running one is searched again when the query changes.
    staleTime: 10_000,
  });

/** The job's build, for the page's title, the job's state and whether it has a log at all. */
export const logBuildQuery = (pipeline: string, number: number) =>
  queryOptions({
    queryKey: logQueryKeys.build(pipeline, number),
    queryFn: async ({ signal }) => (await apiFetch(`/api/v1/pipelines/${enc(pipeline)}/builds/${number}`, buildDetailSchema, { signal })).data,
    staleTime: 30_000,
  });
