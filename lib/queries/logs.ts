import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../api/api-fetch";
import { apiPaths, type BuildJobRef } from "../api/paths";
import { logChunkSchema, logSearchSchema, type LogChunk, type LogSearch } from "../schemas/logs";
import { queryKeys } from "./keys";

// Reads for the job log viewer. Chunks are not TanStack queries: the viewer keeps a sparse list of them
// keyed by byte range (lib/log/log-chunks.ts), which a cache keyed by request cannot express.

/** Which job's log. */
export type LogRef = BuildJobRef;

/** Which part of the log: nothing for the tail, or exactly one way to place the chunk. */
export type ChunkRequest =
  | { kind: "tail" }
  | { kind: "before"; before: number; bytes?: number }
  | { kind: "line"; line: number }
  | { kind: "after"; after: number; bytes?: number };

function chunkParams(request: ChunkRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.kind === "line") params.set("line", String(request.line));
  if (request.kind === "before" || request.kind === "after") {
    params.set(request.kind, String(request.kind === "before" ? request.before : request.after));
    if (request.bytes !== undefined) params.set("bytes", String(request.bytes));
  }
  return params;
}

export async function fetchLogChunk(ref: LogRef, request: ChunkRequest, signal?: AbortSignal): Promise<LogChunk> {
  return (await apiFetch(apiPaths.logChunk(ref, chunkParams(request)), logChunkSchema, { signal })).data;
}

/** The server searches the whole log (not just what the browser holds), so the count is the true one. */
export const logSearchQuery = (ref: LogRef, query: string, caseSensitive: boolean) =>
  queryOptions({
    queryKey: queryKeys.logs.search(ref, query, caseSensitive),
    queryFn: async ({ signal }): Promise<LogSearch> => {
      const params = new URLSearchParams({ q: query });
      if (caseSensitive) params.set("caseSensitive", "1");
      return (await apiFetch(apiPaths.logSearch(ref, params), logSearchSchema, { signal })).data;
    },
    enabled: query.length > 0,
    // A finished log does not change; a running one is searched again when the query changes.
    staleTime: 10_000,
  });
