import { groupHeaderKind } from "@/lib/log/groups";
import type { KeyedGroup, LoadedChunk, LogDoc } from "./log-chunks";
import { lineKey } from "./log-chunks";

// The rows the virtual list shows: loaded lines outside collapsed groups, group headers, and a placeholder
// for every part of the log not loaded yet (which loads itself when scrolled to).

export type LogRow =
  | {
      kind: "line";
      key: string;
      chunk: LoadedChunk;
      /** Index in `chunk.lines`. */
      index: number;
      /** Index in the concatenation of loaded lines. */
      flat: number;
      number: number | null;
      /** Set when the line is a group header. */
      group: KeyedGroup | null;
      /** The columns [from, to) of a wrapped line this row shows; null for the whole line. */
      columns: readonly [number, number] | null;
    }
  | {
      kind: "raw";
      key: string;
      chunk: LoadedChunk;
      /** Index among the chunk's raw lines. */
      index: number;
      text: string;
    }
  | {
      kind: "gap";
      key: string;
      /** Load `before=` this byte to fill the gap from its bottom up (reading upwards into it). */
      before: number;
      /** Load `after=` this byte to fill it from its top down (reading downwards into it); null at the log's start. */
      after: number | null;
      /** Lines missing, when both sides are numbered. */
      missing: number | null;
    };

export type GapRow = Extract<LogRow, { kind: "gap" }>;

function gapRow(previous: LoadedChunk | undefined, next: LoadedChunk): LogRow {
  const fromLine = previous ? (previous.firstLine === null ? null : previous.firstLine + previous.lines.length) : 1;
  const missing = fromLine === null || next.firstLine === null ? null : next.firstLine - fromLine;
  return { kind: "gap", key: `gap-${next.start}`, before: next.start, after: previous ? previous.end : null, missing };
}

const hasGapBefore = (previous: LoadedChunk | undefined, chunk: LoadedChunk) =>
  previous ? previous.end < chunk.start : chunk.start > 0;

/** The rows of the log's loaded lines; lines longer than `wrapAt` columns (when set) take several rows. */
export function buildRows(doc: LogDoc, wrapAt: number | null = null): LogRow[] {
  const rows: LogRow[] = [];
  let flat = 0;
  let groupIndex = 0;
  // The last line (in the concatenation) a collapsed group hides; lines up to it are skipped.
  let hiddenThrough = -1;
  doc.chunks.forEach((chunk, chunkIndex) => {
    const previous = doc.chunks[chunkIndex - 1];
    // A gap inside a collapsed group stays hidden with it; it loads once the group is opened.
    if (hasGapBefore(previous, chunk) && !(flat > 0 && flat <= hiddenThrough)) rows.push(gapRow(previous, chunk));
    chunk.lines.forEach((line, index) => {
      const at = flat + index;
      let group: KeyedGroup | null = null;
      while (groupIndex < doc.groups.length && (doc.groups[groupIndex]?.header ?? Infinity) <= at) {
        const candidate = doc.groups[groupIndex] as KeyedGroup;
        groupIndex++;
        if (candidate.header !== at) continue;
        group = candidate;
      }
      if (group) {
        // A header inside a collapsed group cannot happen (groups do not nest), but a stale hidden range can
        // reach past it; a header always ends the previous group.
        hiddenThrough = doc.open.get(group.key) === false ? group.last : -1;
      } else if (at <= hiddenThrough || groupHeaderKind(line) === "expand-previous") {
        // `^^^ +++` only opens the group it is in; Buildkite does not show it either.
        return;
      }
      const key = lineKey(chunk, index);
      const number = chunk.firstLine === null ? null : chunk.firstLine + index;
      const length = line.text.length;
      if (group || wrapAt === null || length <= wrapAt) {
        rows.push({ kind: "line", key, chunk, index, flat: at, number, group, columns: null });
        return;
      }
      // Wrapping by whole rows keeps every row one height, so the list needs no measuring.
      for (let from = 0; from < length; from += wrapAt) {
        rows.push({
          kind: "line",
          key: from === 0 ? key : `${key}~${from}`,
          chunk,
          index,
          flat: at,
          number,
          group,
          columns: [from, Math.min(length, from + wrapAt)],
        });
      }
    });
    flat += chunk.lines.length;
  });
  pushEndGap(doc, rows);
  return rows;
}

/** A finished log's end, when it was let go to bound memory, is a placeholder like any other gap. */
function pushEndGap(doc: LogDoc, rows: LogRow[]) {
  const last = doc.chunks.at(-1);
  if (!last || !doc.final || last.end >= doc.totalBytes) return;
  const fromLine = last.firstLine === null ? null : last.firstLine + last.lines.length;
  rows.push({
    kind: "gap",
    key: "gap-end",
    before: doc.totalBytes,
    after: last.end,
    missing: fromLine === null || doc.lineCount === null ? null : doc.lineCount - fromLine + 1,
  });
}

const rawLinesCache = new WeakMap<LoadedChunk, string[]>();

function rawLines(chunk: LoadedChunk): string[] {
  let lines = rawLinesCache.get(chunk);
  if (!lines) {
    lines = chunk.text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    rawLinesCache.set(chunk, lines);
  }
  return lines;
}

const CONTROLS = /[\u0000-\u001f\u007f]+/g;
const picture = (char: string) => (char === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + char.charCodeAt(0)));

/** Control characters drawn as their Unicode pictures (ESC as ␛, BEL as ␇), so escapes read as text. */
function showControls(text: string): string {
  return text.replace(CONTROLS, (run) => Array.from(run, picture).join(""));
}

/** The same, as runs that say which parts were control characters, so the view can set them apart. */
export function controlRuns(text: string): Array<{ text: string; control: boolean }> {
  const runs: Array<{ text: string; control: boolean }> = [];
  let at = 0;
  for (const match of text.matchAll(CONTROLS)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), control: false });
    runs.push({ text: showControls(match[0]), control: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), control: false });
  return runs;
}

/** The raw view: every loaded chunk's bytes line by line, escapes visible, no groups. */
export function buildRawRows(doc: LogDoc): LogRow[] {
  const rows: LogRow[] = [];
  doc.chunks.forEach((chunk, chunkIndex) => {
    const previous = doc.chunks[chunkIndex - 1];
    if (hasGapBefore(previous, chunk)) rows.push(gapRow(previous, chunk));
    rawLines(chunk).forEach((text, index) =>
      rows.push({ kind: "raw", key: `r${chunk.start}:${index}`, chunk, index, text }),
    );
  });
  pushEndGap(doc, rows);
  return rows;
}
