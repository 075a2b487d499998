import "server-only";
import type { LogChunk } from "@/lib/schemas/logs";
import type { JobRef, RestClient } from "../buildkite/rest";
import type { LogMirror } from "./log-mirror";

/** How much of a log one chunk carries by default: a screenful many times over, and quick to parse. */
export const CHUNK_BYTES = 256 * 1024;
export const MAX_CHUNK_BYTES = 2 * 1024 * 1024;

/** Reads `[start, end)` of a mirrored log, numbered from the index. `start` must be a checkpoint. */
async function fromMirror(mirror: LogMirror, start: number, end: number, firstRow: number | null): Promise<LogChunk> {
  const { index } = mirror;
  return {
    totalBytes: mirror.size,
    start,
    end,
    firstLine: firstRow === null ? null : firstRow + 1,
    lineCount: mirror.final ? index.rowCount : null,
    text: await mirror.read(start, end),
    final: mirror.final,
  };
}

/** The span from a checkpoint up to the next checkpoint at least `bytes` later (or the indexed end). */
function spanFrom(mirror: LogMirror, startByte: number, bytes: number) {
  const start = mirror.index.checkpointAtOrBefore(startByte);
  const limit = mirror.index.indexedBytes;
  const next = mirror.index.checkpointAtOrAfter(start.byte + bytes);
  return { start, end: next === null || next.byte > limit ? limit : next.byte };
}

export function tailChunk(mirror: LogMirror, bytes: number): Promise<LogChunk> {
  const { start, end } = spanFrom(mirror, Math.max(0, mirror.index.indexedBytes - bytes), bytes);
  return fromMirror(mirror, start.byte, end, start.row);
}

export function lineChunk(mirror: LogMirror, line: number, bytes: number): Promise<LogChunk> {
  const checkpoint = mirror.index.checkpointForRow(line - 1);
  const { end } = spanFrom(mirror, checkpoint.byte, bytes);
  return fromMirror(mirror, checkpoint.byte, end, checkpoint.row);
}

export function chunkBefore(mirror: LogMirror, before: number, bytes: number): Promise<LogChunk> {
  const end = Math.min(before, mirror.index.indexedBytes);
  const start = mirror.index.checkpointAtOrBefore(Math.max(0, end - bytes));
  return fromMirror(mirror, start.byte, end, start.row);
}

/** What arrived after `after` (follow mode), up to `bytes` of whole lines. */
export function chunkAfter(mirror: LogMirror, after: number, bytes: number): Promise<LogChunk> {
  const start = Math.min(after, mirror.index.indexedBytes);
  const checkpoint = mirror.index.checkpointAtOrBefore(start);
  const next = mirror.index.checkpointAtOrAfter(start + bytes);
  const end = next === null ? mirror.index.indexedBytes : next.byte;
  return fromMirror(mirror, start, end, checkpoint.byte === start ? checkpoint.row : null);
}

/**
 * The tail straight from Buildkite by a suffix `Range`, before the mirror has the whole log: the first
 * lines of a 100 MB log must not wait for the rest. It starts at a line boundary; its line numbers are
 * not known yet.
 */
export async function directTail(client: RestClient, ref: JobRef, bytes: number, final: boolean): Promise<LogChunk> {
  const stream = await client.jobLogTail(ref, bytes);
  if (stream === null) return { totalBytes: 0, start: 0, end: 0, firstLine: 1, lineCount: 0, text: "", final };
  // Keeps only the last `bytes` even from a server that ignores the range and sends the whole log.
  let data = Buffer.alloc(0);
  for await (const piece of stream.body) {
    data = Buffer.concat([data, piece as Buffer]);
    if (data.length > 2 * bytes) data = data.subarray(data.length - bytes);
  }
  if (data.length > bytes) data = data.subarray(data.length - bytes);
  const total = stream.totalBytes ?? data.length;
  let start = stream.range?.start ?? total - data.length;
  if (start > 0) {
    const cut = data.indexOf(0x0a) + 1;
    data = data.subarray(cut);
    start += cut;
  }
  // A running job's last line may be half written; it comes whole with the next follow read.
  if (!final) {
    const lastNewline = data.lastIndexOf(0x0a);
    data = data.subarray(0, lastNewline + 1);
  }
  return {
    totalBytes: total,
    start,
    end: start + data.length,
    firstLine: start === 0 ? 1 : null,
    lineCount: null,
    text: data.toString("utf8"),
    final,
  };
}
