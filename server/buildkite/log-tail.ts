import type { LogChunk } from "@/lib/schemas/logs";
import type { JobRef, RestClient } from "./rest";

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
