import "server-only";
import { createLogParser } from "@/lib/log/parser";
import type { LogLine } from "@/lib/log/types";

/** A place a chunk may start: parsing from `byte` with a fresh parser yields row `row` first. */
export interface Checkpoint {
  byte: number;
  row: number;
}

/** Checkpoints are offered about this far apart; chunks are made of whole spans between them. */
export const CHECKPOINT_BYTES = 16 * 1024;

/**
 * Numbers a log's rows the way the viewer's parser will, as its bytes arrive. A byte offset where a line
 * starts becomes a checkpoint only while nothing later moves the cursor above that row (a cursor-up
 * redraw reaching back across it), because only then does a fresh parse from there agree.
 */
export class LogIndex {
  private readonly parser = createLogParser();
  private readonly decoder = new TextDecoder();
  private readonly checkpoints: Checkpoint[] = [{ byte: 0, row: 0 }];
  /** Bytes after the last newline, held until their line is complete. */
  private partial: Buffer = Buffer.alloc(0);
  private fedBytes = 0;
  private ended = false;

  /** Feeds the next bytes; `onRows` receives rows that can no longer change, in order. */
  append(bytes: Buffer, onRows: (rows: LogLine[]) => void): void {
    const data = this.partial.length > 0 ? Buffer.concat([this.partial, bytes]) : bytes;
    const lastNewline = data.lastIndexOf(0x0a);
    if (lastNewline < 0) {
      this.partial = Buffer.from(data);
      return;
    }
    let start = 0;
    while (start <= lastNewline) {
      const cut = data.indexOf(0x0a, Math.min(start + CHECKPOINT_BYTES, lastNewline));
      const end = (cut < 0 ? lastNewline : cut) + 1;
      this.feed(data.subarray(start, end), onRows);
      start = end;
    }
    this.partial = Buffer.from(data.subarray(lastNewline + 1));
  }

  /** The log is complete: its last line (even without a newline) and every held row are final. */
  end(onRows: (rows: LogLine[]) => void): void {
    if (this.ended) return;
    this.ended = true;
    if (this.partial.length > 0) this.feed(this.partial, onRows);
    this.partial = Buffer.alloc(0);
    onRows(this.parser.end());
  }

  /** Bytes indexed into whole lines (a growing log's unfinished last line is not yet counted). */
  get indexedBytes(): number {
    return this.fedBytes;
  }

  get rowCount(): number {
    return this.parser.rowCount;
  }

  /** Rows a growing log may still redraw, which are not handed out yet (see `LogParser.peekHeld`). */
  peekHeld(): { start: number; rows: LogLine[] } {
    return this.parser.peekHeld();
  }

  /** The latest checkpoint at or before `byte`. */
  checkpointAtOrBefore(byte: number): Checkpoint {
    let low = 0;
    let high = this.checkpoints.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.checkpoints[mid]?.byte ?? 0) <= byte) low = mid;
      else high = mid - 1;
    }
    return this.checkpoints[low] ?? { byte: 0, row: 0 };
  }

  /** The first checkpoint at or after `byte`, or null past the last one. */
  checkpointAtOrAfter(byte: number): Checkpoint | null {
    const before = this.checkpointAtOrBefore(byte);
    if (before.byte >= byte) return before;
    const index = this.checkpoints.indexOf(before);
    return this.checkpoints[index + 1] ?? null;
  }

  /** The latest checkpoint whose row is at or before `row` (0-based). */
  checkpointForRow(row: number): Checkpoint {
    let found = this.checkpoints[0] ?? { byte: 0, row: 0 };
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.row > row) break;
      found = checkpoint;
    }
    return found;
  }

  private feed(block: Buffer, onRows: (rows: LogLine[]) => void): void {
    const candidate = { byte: this.fedBytes, row: this.parser.rowCount };
    if (candidate.byte > 0) this.checkpoints.push(candidate);
    // A newline is never inside a UTF-8 sequence, so a block ending at one decodes on its own.
    onRows(this.parser.push(this.decoder.decode(block)));
    this.fedBytes += block.length;
    const lowest = this.parser.lowestRowTouched;
    while (this.checkpoints.length > 1 && (this.checkpoints[this.checkpoints.length - 1]?.row ?? 0) > lowest)
      this.checkpoints.pop();
  }
}
