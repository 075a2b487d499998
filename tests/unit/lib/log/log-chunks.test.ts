import { describe, expect, it } from "vitest";
import {
  charIndexAtByte,
  emptyDoc,
  evictFar,
  findLine,
  insertChunk,
  planInsert,
  setGroupOpen,
  type LoadedChunk,
  type LogDoc,
} from "@/lib/log/log-chunks";
import { buildRows } from "@/lib/log/log-rows";
import { parseLog } from "@/lib/log/parser";

const facts = { totalBytes: 0, lineCount: null, final: true };
const chunk = (start: number, end: number): LoadedChunk => ({
  seq: 0,
  start,
  end,
  firstLine: null,
  lines: [],
  text: "",
});

/** Adds the lines of `text` as the chunk [start, start + text.length), ASCII so bytes and characters agree. */
function add(doc: LogDoc, start: number, text: string, firstLine: number | null = null): LogDoc {
  const end = start + text.length;
  return insertChunk(
    doc,
    { start, end, firstLine, lines: parseLog(text), text },
    { ...facts, totalBytes: Math.max(doc.totalBytes, end) },
  );
}

const visibleText = (doc: LogDoc) =>
  buildRows(doc).map((row) =>
    row.kind === "line" ? row.chunk.lines[row.index]?.text : `[gap before ${row.kind === "gap" ? row.before : ""}]`,
  );

describe("planInsert", () => {
  const loaded = [chunk(100, 200), chunk(300, 400)];

  it("keeps a chunk that touches nothing loaded whole", () => {
    expect(planInsert(loaded, 200, 300)).toEqual({ start: 200, end: 300 });
  });

  it("cuts off the parts already loaded, at the loaded chunks' boundaries", () => {
    expect(planInsert(loaded, 150, 350)).toEqual({ start: 200, end: 300 });
    expect(planInsert(loaded, 0, 150)).toEqual({ start: 0, end: 100 });
  });

  it("replaces loaded chunks it covers, and brings nothing when it is inside one", () => {
    expect(planInsert(loaded, 100, 200)).toEqual({ start: 100, end: 200 });
    expect(planInsert(loaded, 50, 450)).toEqual({ start: 50, end: 450 });
    expect(planInsert(loaded, 120, 180)).toBeNull();
  });
});

describe("charIndexAtByte", () => {
  it("counts UTF-8 bytes, so multi-byte characters are not cut", () => {
    expect(charIndexAtByte("abc", 2)).toBe(2);
    expect(charIndexAtByte("é\nz", 3)).toBe(2);
    expect(charIndexAtByte("😀\nz", 5)).toBe(3);
  });
});

describe("insertChunk", () => {
  it("numbers chunks that touch a numbered one, in both directions", () => {
    let doc = add(emptyDoc, 20, "c\nd\n");
    doc = add(doc, 24, "e\n", 3);
    doc = add(doc, 0, "x\n");
    expect(doc.chunks.map((loaded) => loaded.firstLine)).toEqual([null, 1, 3]);
    expect(findLine(doc, 2)).toBe(2);
    expect(findLine(doc, 7)).toBeNull();
  });

  it("replaces an unnumbered tail with the same range numbered", () => {
    let doc = add(emptyDoc, 0, "a\nb\n");
    doc = add(doc, 0, "a\nb\n", 1);
    expect(doc.chunks).toHaveLength(1);
    expect(doc.chunks[0]?.firstLine).toBe(1);
  });

  it("shows a gap for the lines not loaded, and hides lines in collapsed groups", () => {
    const doc = add(emptyDoc, 100, "--- Build\nhidden\n+++ Test\nshown\n", 10);
    expect(visibleText(doc)).toEqual(["[gap before 100]", "--- Build", "+++ Test", "shown"]);
    const opened = setGroupOpen(doc, doc.groups[0]?.key ?? "", true);
    expect(visibleText(opened)).toEqual(["[gap before 100]", "--- Build", "hidden", "+++ Test", "shown"]);
  });

  it("opens a group whose header arrives after the lines under it were shown", () => {
    let doc = add(emptyDoc, 12, "under it\n");
    expect(visibleText(doc)).toEqual(["[gap before 12]", "under it"]);
    doc = add(doc, 0, "+++ Run\n--- A\n");
    // `--- A` reaches into the chunk loaded first: its lines stay on screen.
    expect(doc.open.get(doc.groups[1]?.key ?? "")).toBe(true);
    expect(visibleText(doc)).toEqual(["+++ Run", "--- A", "under it"]);
  });
});

describe("evictFar", () => {
  const sized = (doc: LogDoc) => doc.chunks.map((loaded) => [loaded.start, loaded.end]);
  let doc = add(emptyDoc, 0, "a\n");
  doc = add(doc, 10, "b\n");
  doc = add(doc, 20, "c\n");
  doc = add(doc, 30, "d\n");

  it("lets go of the chunks farthest from the view once too much is loaded", () => {
    expect(sized(evictFar(doc, 31, 30, 4))).toEqual([
      [20, 22],
      [30, 32],
    ]);
    expect(sized(evictFar(doc, 0, 0, 100))).toHaveLength(4);
  });

  it("leaves a placeholder where a finished log's end was let go", () => {
    const evicted = evictFar(doc, 0, 0, 4);
    expect(visibleText(evicted)).toEqual(["a", "[gap before 10]", "b", "[gap before 32]"]);
  });

  it("keeps the chunk just loaded, and a running job's last chunk", () => {
    expect(sized(evictFar(doc, 31, 0, 4))).toEqual([
      [0, 2],
      [30, 32],
    ]);
    const running = { ...doc, final: false };
    expect(sized(evictFar(running, 0, 0, 4))).toEqual([
      [0, 2],
      [30, 32],
    ]);
  });
});

describe("renumbering", () => {
  it("keeps the groups the operator opened before the log was numbered", () => {
    let doc = add(emptyDoc, 0, "--- A\na1\n--- B\nb1\n");
    const first = doc.groups[0]?.key ?? "";
    expect(doc.open.get(first)).toBe(false);
    doc = setGroupOpen(doc, first, true);
    doc = insertChunk(
      doc,
      { start: 0, end: 20, firstLine: 1, lines: parseLog("--- A\na1\n--- B\nb1\n"), text: "" },
      { ...facts, totalBytes: 20 },
      new Map([[0, 0]]),
    );
    expect(doc.groups[0]?.key).toBe("L1");
    expect(doc.open.get("L1")).toBe(true);
    expect(visibleText(doc)).toEqual(["--- A", "a1", "--- B", "b1"]);
  });
});
