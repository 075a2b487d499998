import { findGroups } from "@/lib/log/groups";
import type { LogGroup, LogLine } from "@/lib/log/types";

// The viewer's model of a log it never holds whole: a sparse, sorted list of the parts it has loaded,
// keyed by byte range and, once the server has indexed the log, by line number. A 100 MB log costs the
// browser only the chunks the operator has scrolled through.

export interface LoadedChunk {
  /** Load order: groups found in a newer chunk that reach into an older one start open (see below). */
  seq: number;
  /** Byte range in the whole log, [start, end). Both ends are line boundaries. */
  start: number;
  end: number;
  /** 1-based number of the first line; null until known from the server or a numbered neighbour. */
  firstLine: number | null;
  lines: LogLine[];
  /** The raw bytes as text, escapes kept, for the raw view. */
  text: string;
}

export interface KeyedGroup extends LogGroup {
  /** The header row's key, which also keys the group's open state. */
  key: string;
}

export interface LogDoc {
  chunks: readonly LoadedChunk[];
  totalBytes: number;
  lineCount: number | null;
  final: boolean;
  /** Groups over the loaded lines in order; `header`/`last` index that concatenation. */
  groups: readonly KeyedGroup[];
  /** Each group's open state, decided once when first seen and then changed only by the operator. */
  open: ReadonlyMap<string, boolean>;
  nextSeq: number;
}

export const emptyDoc: LogDoc = {
  chunks: [],
  totalBytes: 0,
  lineCount: null,
  final: false,
  groups: [],
  open: new Map(),
  nextSeq: 0,
};

/** A line's identity across re-renders: its number when known, else its place in a chunk. */
export const lineKey = (chunk: LoadedChunk, index: number) =>
  chunk.firstLine === null ? `b${chunk.start}:${index}` : `L${chunk.firstLine + index}`;

/**
 * What part of a fetched chunk [start, end) is new, given what is loaded. Loaded chunks it covers entirely
 * are replaced (a tail fetched again, now numbered); parts already loaded are cut off, at the loaded
 * chunk's boundary, which is a line boundary. Null when nothing is new.
 */
export function planInsert(
  chunks: readonly LoadedChunk[],
  start: number,
  end: number,
): { start: number; end: number } | null {
  let keepStart = start;
  let keepEnd = end;
  for (const chunk of chunks) {
    if (chunk.start >= start && chunk.end <= end) continue;
    if (chunk.start <= keepStart && chunk.end >= keepEnd) return null;
    if (chunk.start <= keepStart && chunk.end > keepStart) keepStart = chunk.end;
    if (chunk.start < keepEnd && chunk.end >= keepEnd) keepEnd = chunk.start;
  }
  return keepStart < keepEnd ? { start: keepStart, end: keepEnd } : null;
}

/** The UTF-16 index in `text` at which its UTF-8 encoding reaches `bytes` bytes. */
export function charIndexAtByte(text: string, bytes: number): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    if (count >= bytes) return index;
    const code = text.charCodeAt(index);
    if (code < 0x80) count += 1;
    else if (code < 0x800) count += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      count += 4;
      index++;
    } else count += 3;
  }
  return text.length;
}

/** Line numbers flow across chunks that touch: a numbered chunk numbers its neighbours both ways. */
function numberChunks(chunks: LoadedChunk[]): LoadedChunk[] {
  const result = [...chunks];
  for (let index = 1; index < result.length; index++) {
    const previous = result[index - 1];
    const current = result[index];
    if (
      previous &&
      current &&
      current.firstLine === null &&
      previous.firstLine !== null &&
      previous.end === current.start
    ) {
      result[index] = { ...current, firstLine: previous.firstLine + previous.lines.length };
    }
  }
  for (let index = result.length - 2; index >= 0; index--) {
    const next = result[index + 1];
    const current = result[index];
    if (next && current && current.firstLine === null && next.firstLine !== null && current.end === next.start) {
      result[index] = { ...current, firstLine: next.firstLine - current.lines.length };
    }
  }
  return result;
}

/** Where each chunk's lines begin in the concatenation of all loaded lines. */
export function chunkOffsets(chunks: readonly LoadedChunk[]): number[] {
  const offsets: number[] = [];
  let total = 0;
  for (const chunk of chunks) {
    offsets.push(total);
    total += chunk.lines.length;
  }
  return offsets;
}

/** The chunk holding the concatenation's line `flat`, by binary search over the offsets. */
export function chunkAt(offsets: readonly number[], flat: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= flat) low = middle;
    else high = middle - 1;
  }
  return low;
}

function withGroups(doc: LogDoc): LogDoc {
  const { chunks } = doc;
  const offsets = chunkOffsets(chunks);
  const found = findGroups(chunks.flatMap((chunk) => chunk.lines));
  const open = new Map(doc.open);
  const groups = found.map((group): KeyedGroup => {
    const headerChunkIndex = chunkAt(offsets, group.header);
    const headerChunk = chunks[headerChunkIndex] as LoadedChunk;
    const key = lineKey(headerChunk, group.header - (offsets[headerChunkIndex] ?? 0));
    if (!open.has(key)) {
      // A header that arrives after the lines under it were shown (the operator scrolled up to it) must not
      // hide lines from under their eyes, so such a group starts open.
      let reachesOlder = false;
      for (
        let index = headerChunkIndex + 1;
        index < chunks.length && (offsets[index] ?? Infinity) <= group.last;
        index++
      ) {
        if ((chunks[index]?.seq ?? Infinity) < headerChunk.seq) reachesOlder = true;
      }
      open.set(key, group.open || reachesOlder);
    }
    return { ...group, key };
  });
  return { ...doc, groups, open };
}

export interface IncomingChunk {
  start: number;
  end: number;
  firstLine: number | null;
  lines: LogLine[];
  text: string;
}

/** The loaded chunks a new chunk [start, end) replaces. */
export const coveredBy = (doc: LogDoc, start: number, end: number) =>
  doc.chunks.filter((chunk) => chunk.start >= start && chunk.end <= end);

/**
 * Adds a parsed chunk (already cut by `planInsert`) and the log's latest facts. `rowsBefore` gives, for a
 * replaced unnumbered chunk, how many of the new chunk's rows precede it, so the groups the operator opened
 * or closed before the log was numbered keep their state under their new, numbered keys.
 */
export function insertChunk(
  doc: LogDoc,
  incoming: IncomingChunk,
  facts: { totalBytes: number; lineCount: number | null; final: boolean },
  rowsBefore?: ReadonlyMap<number, number>,
): LogDoc {
  const replaced = coveredBy(doc, incoming.start, incoming.end);
  const kept = doc.chunks.filter((chunk) => !replaced.includes(chunk));
  const added: LoadedChunk = { ...incoming, seq: doc.nextSeq };
  const chunks = numberChunks([...kept, added].sort((a, b) => a.start - b.start));
  const open = new Map(doc.open);
  const firstLine = chunks.find((chunk) => chunk.start === incoming.start)?.firstLine ?? null;
  for (const old of replaced) {
    const offset = rowsBefore?.get(old.start);
    if (old.firstLine !== null || firstLine === null || offset === undefined) continue;
    for (let index = 0; index < old.lines.length; index++) {
      const state = open.get(lineKey(old, index));
      if (state !== undefined) open.set(`L${firstLine + offset + index}`, state);
    }
  }
  return withGroups({ ...doc, ...facts, chunks, open, nextSeq: doc.nextSeq + 1 });
}

/**
 * Loaded text past this is let go, farthest from the view first, so reading all the way through a 100 MB
 * log keeps the tab's memory bounded; a let-go part becomes a placeholder again and reloads when reached.
 */
export const MAX_LOADED_BYTES = 24 * 1024 * 1024;

/**
 * Drops the chunks farthest from byte `focus` until at most `maxBytes` are loaded. The chunk starting at
 * `keep` (the one just loaded, perhaps for a jump far from the view) stays, and so does the last chunk of
 * a running job, which following appends to.
 */
export function evictFar(doc: LogDoc, focus: number, keep: number, maxBytes = MAX_LOADED_BYTES): LogDoc {
  let loaded = doc.chunks.reduce((total, chunk) => total + chunk.end - chunk.start, 0);
  if (loaded <= maxBytes) return doc;
  const chunks = [...doc.chunks];
  while (loaded > maxBytes) {
    let farthest = -1;
    let farthestDistance = 0;
    chunks.forEach((chunk, index) => {
      if (chunk.start === keep || (!doc.final && index === chunks.length - 1)) return;
      const distance = focus < chunk.start ? chunk.start - focus : focus >= chunk.end ? focus - chunk.end + 1 : 0;
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    });
    const [dropped] = farthest < 0 ? [] : chunks.splice(farthest, 1);
    if (!dropped) break;
    loaded -= dropped.end - dropped.start;
  }
  return withGroups({ ...doc, chunks });
}

/** Records the log's latest facts when a fetch brought no new lines. */
export function updateFacts(
  doc: LogDoc,
  facts: { totalBytes: number; lineCount: number | null; final: boolean },
): LogDoc {
  return { ...doc, ...facts };
}

export function setGroupOpen(doc: LogDoc, key: string, open: boolean): LogDoc {
  const next = new Map(doc.open);
  next.set(key, open);
  return { ...doc, open: next };
}

export function setAllGroupsOpen(doc: LogDoc, open: boolean): LogDoc {
  return { ...doc, open: new Map(doc.groups.map((group) => [group.key, open])) };
}

/** Where line `number` is among the loaded lines (its index in the concatenation), or null. */
export function findLine(doc: LogDoc, number: number): number | null {
  let flat = 0;
  for (const chunk of doc.chunks) {
    if (chunk.firstLine !== null && number >= chunk.firstLine && number < chunk.firstLine + chunk.lines.length)
      return flat + number - chunk.firstLine;
    flat += chunk.lines.length;
  }
  return null;
}

/** The collapsed groups that hide the concatenation's line `flat` (a header itself is never hidden). */
export function groupsHiding(doc: LogDoc, flat: number): KeyedGroup[] {
  return doc.groups.filter((group) => group.header < flat && flat <= group.last && doc.open.get(group.key) === false);
}

/**
 * Lines in the log: the server's count once it has indexed a finished log, else the number of the last
 * line when the end is loaded and numbered (a small log read whole, or a running one followed to its end).
 */
export function knownLineCount(doc: LogDoc): number | null {
  if (doc.lineCount !== null) return doc.lineCount;
  const last = doc.chunks.at(-1);
  return last && last.firstLine !== null && last.end >= doc.totalBytes ? last.firstLine + last.lines.length - 1 : null;
}

/** The loaded range's ends: `before=` the first loads earlier lines, `after=` the last follows the log. */
export const earliestStart = (doc: LogDoc) => doc.chunks[0]?.start ?? null;
export const latestEnd = (doc: LogDoc) => doc.chunks.at(-1)?.end ?? null;
