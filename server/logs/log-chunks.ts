import "server-only";
import type { LogChunk } from "@/lib/schemas/logs";
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
