import { describe, expect, it } from "vitest";
import { parseLog } from "@/lib/log/parser";
import type { LogLine } from "@/lib/log/types";
import { CHECKPOINT_BYTES, LogIndex, type Checkpoint } from "@/server/logs/log-index";

// The viewer parses each chunk on its own from a checkpoint; its rows must be the very rows (and numbers)
// a parse of the whole log gives, or line anchors and search results would point at the wrong line.

const ESC = "\u001b";

function plainLines(count: number, from = 0): string {
  let out = "";
  for (let i = from; i < from + count; i++)
    out += `${ESC}_bk;t=${1_700_000_000_000 + i}\u0007${ESC}[32mline ${i}${ESC}[0m padding ${"x".repeat(i % 50)}\r\n`;
  return out;
}

/** Docker-pull style: three layer rows redrawn in place by moving the cursor up. */
function redraws(rounds: number): string {
  let out = "layer a: waiting\nlayer b: waiting\nlayer c: waiting\n";
  for (let i = 0; i < rounds; i++)
    out += `${ESC}[3A${ESC}[2Klayer a: ${i}%\n${ESC}[2Klayer b: ${i}%\n${ESC}[2Klayer c: ${i}%\n`;
  return out;
}

function index(log: string, pieceSize: number): { index: LogIndex; rows: LogLine[] } {
  const indexed = new LogIndex();
  const rows: LogLine[] = [];
  const bytes = Buffer.from(log);
  for (let at = 0; at < bytes.length; at += pieceSize)
    indexed.append(bytes.subarray(at, at + pieceSize), (more) => rows.push(...more));
  indexed.end((more) => rows.push(...more));
  return { index: indexed, rows };
}

function checkpoints(indexed: LogIndex): Checkpoint[] {
  const found: Checkpoint[] = [];
  for (
    let next: Checkpoint | null = indexed.checkpointAtOrBefore(0);
    next !== null;
    next = indexed.checkpointAtOrAfter(next.byte + 1)
  )
    found.push(next);
  return found;
}

describe("LogIndex", () => {
  const log = plainLines(3000) + redraws(400) + plainLines(3000, 3000) + redraws(50) + plainLines(500, 6000);
  const bytes = Buffer.from(log);

  it("numbers rows as a parse of the whole log does", () => {
    const { index: indexed, rows } = index(log, 7_919);
    const whole = parseLog(log);
    expect(rows.map((row) => row.text)).toEqual(whole.map((row) => row.text));
    expect(indexed.rowCount).toBe(whole.length);
    expect(indexed.indexedBytes).toBe(bytes.length);
  });

  it("offers only checkpoints from which a fresh parse yields the same rows", () => {
    const { index: indexed } = index(log, 65_536);
    const whole = parseLog(log).map((row) => row.text);
    const found = checkpoints(indexed);
    expect(found.length).toBeGreaterThan(bytes.length / CHECKPOINT_BYTES / 2);
    for (const checkpoint of found) {
      const fromHere = parseLog(bytes.subarray(checkpoint.byte).toString("utf8")).map((row) => row.text);
      expect(fromHere, `checkpoint at byte ${checkpoint.byte}`).toEqual(whole.slice(checkpoint.row));
    }
  });

  it("drops a checkpoint that a later cursor-up redraw reaches back across", () => {
    // One long redraw section: the rows it redraws sit right before it, so no checkpoint may fall inside.
    const prefix = plainLines(2000);
    const tricky = prefix + redraws(2000) + plainLines(10, 2000);
    const { index: indexed } = index(tricky, 4096);
    const redrawStart = Buffer.byteLength(prefix);
    const redrawEnd = Buffer.byteLength(prefix + redraws(2000));
    const inside = checkpoints(indexed).filter(
      (checkpoint) => checkpoint.byte > redrawStart && checkpoint.byte < redrawEnd,
    );
    const whole = parseLog(tricky).map((row) => row.text);
    for (const checkpoint of inside) {
      expect(parseLog(Buffer.from(tricky).subarray(checkpoint.byte).toString("utf8")).map((row) => row.text)).toEqual(
        whole.slice(checkpoint.row),
      );
    }
  });

  it("holds a growing log's unfinished last line back until it is complete", () => {
    const indexed = new LogIndex();
    const rows: LogLine[] = [];
    indexed.append(Buffer.from("first\nsecond, half"), (more) => rows.push(...more));
    expect(indexed.indexedBytes).toBe("first\n".length);
    indexed.append(Buffer.from(" done\n"), (more) => rows.push(...more));
    indexed.end((more) => rows.push(...more));
    expect(rows.map((row) => row.text)).toEqual(["first", "second, half done"]);
  });

  it("keeps multi-byte characters whole across pieces", () => {
    const { rows } = index("héllo wörld ✓ 日本語\n".repeat(100), 3);
    expect(rows.every((row) => row.text === "héllo wörld ✓ 日本語")).toBe(true);
  });

  it("finds the checkpoint for a row", () => {
    const { index: indexed } = index(plainLines(5000), 65_536);
    const checkpoint = indexed.checkpointForRow(4000);
    expect(checkpoint.row).toBeLessThanOrEqual(4000);
    expect(4000 - checkpoint.row).toBeLessThan(400);
  });
});
