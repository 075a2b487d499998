import "server-only";
import { createReadStream } from "node:fs";
import { open, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { LogLine } from "@/lib/log/types";
import type { JobRef, LogStream, RestClient } from "../buildkite/rest";
import { LogIndex } from "./log-index";

/** What a follow-mode sync asks for first: a running job rarely writes more between two polls. */
const FOLLOW_PROBE_BYTES = 64 * 1024;

/**
 * A job's log mirrored to local disk as it streams from Buildkite: the raw bytes (for chunks and the
 * viewer's own parser) and the rendered text of each row (for search), numbered by a `LogIndex`. Only a
 * bounded window of rows is ever in memory, so a 100 MB log costs disk, not heap. A running job's log is
 * extended by suffix `Range` reads of just the new bytes (the API allows nothing else).
 */
export class LogMirror {
  readonly index = new LogIndex();
  private rawFile: FileHandle | null = null;
  private textFile: FileHandle | null = null;
  private bytes = 0;
  private complete = false;
  private closed = false;

  constructor(
    readonly ref: JobRef,
    private readonly client: RestClient,
    readonly dir: string,
  ) {}

  get rawPath(): string {
    return join(this.dir, "raw.log");
  }

  get textPath(): string {
    return join(this.dir, "rows.txt");
  }

  /** Bytes mirrored so far. */
  get size(): number {
    return this.bytes;
  }

  /** True once the job has finished and every byte is here. */
  get final(): boolean {
    return this.complete;
  }

  /** Fetches what is new; `jobFinished` says the log will not grow any more, so the index can close. */
  async sync(jobFinished: boolean, signal?: AbortSignal): Promise<void> {
    if (this.complete || this.closed) return;
    await this.openFiles();
    if (this.bytes === 0) await this.take(await this.client.jobLogText(this.ref, { signal }), 0);
    else await this.extend(signal);
    if (jobFinished) {
      this.complete = true;
      this.index.end((rows) => this.writeRows(rows));
      await this.flushRows();
    }
  }

  /**
   * One suffix read usually covers what a running job wrote since the last sync, and its Content-Range
   * says the log's size, so no separate HEAD is spent; only a bigger burst needs a second, exact read.
   */
  private async extend(signal?: AbortSignal): Promise<void> {
    let tail = await this.suffix(FOLLOW_PROBE_BYTES, signal);
    if (tail === null) return;
    const total = tail.totalBytes ?? 0;
    if (total <= this.bytes) return void (await tail.body.dump());
    if ((tail.range?.start ?? 0) > this.bytes) {
      await tail.body.dump();
      tail = await this.suffix(total - this.bytes, signal);
      if (tail === null) return;
    }
    // Bytes already mirrored are skipped; a log that grew again in between only adds more.
    await this.take(tail, tail.range?.start ?? 0);
  }

  private suffix(bytes: number, signal?: AbortSignal): Promise<LogStream | null> {
    return this.client.jobLogTail(this.ref, bytes, { signal });
  }

  /** Reads `[start, end)` of the raw log as text. */
  async read(start: number, end: number): Promise<string> {
    const file = await open(this.rawPath, "r");
    try {
      const buffer = Buffer.alloc(Math.max(0, end - start));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await file.close();
    }
  }

  /** The rows' text, one per line, for a streaming search. */
  rowsStream() {
    return createReadStream(this.textPath, { encoding: "utf8", highWaterMark: 256 * 1024 });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.rawFile?.close().catch(() => undefined);
    await this.textFile?.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async openFiles(): Promise<void> {
    this.rawFile ??= await open(this.rawPath, "a");
    this.textFile ??= await open(this.textPath, "a");
  }

  private pendingRows: string[] = [];

  private writeRows(rows: LogLine[]): void {
    for (const row of rows) this.pendingRows.push(row.text);
  }

  private async flushRows(): Promise<void> {
    if (this.pendingRows.length === 0 || this.textFile === null) return;
    const text = this.pendingRows.join("\n") + "\n";
    this.pendingRows = [];
    await this.textFile.write(text);
  }

  private async take(stream: LogStream, start: number): Promise<void> {
    if (start > this.bytes) {
      await stream.body.dump();
      throw new Error(`log bytes ${this.bytes}–${start} are missing from Buildkite's answer`);
    }
    let skip = this.bytes - start;
    for await (const piece of stream.body) {
      let chunk = piece as Buffer;
      if (skip > 0) {
        const dropped = Math.min(skip, chunk.length);
        chunk = chunk.subarray(dropped);
        skip -= dropped;
        if (chunk.length === 0) continue;
      }
      await this.rawFile?.write(chunk);
      this.bytes += chunk.length;
      this.index.append(chunk, (rows) => this.writeRows(rows));
      await this.flushRows();
    }
  }
}
