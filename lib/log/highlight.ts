import type { Span } from "@/lib/log/types";

export interface Piece {
  span: Span;
  text: string;
  match: boolean;
}

/** Where `query` occurs in `text`, as [start, end) pairs, without overlaps. */
export function matchRanges(text: string, query: string, caseSensitive: boolean): Array<[number, number]> {
  if (query === "") return [];
  const haystack = caseSensitive ? text : text.toLowerCase();
  const needle = caseSensitive ? query : query.toLowerCase();
  const ranges: Array<[number, number]> = [];
  // Lower-casing can change a string's length for a few characters; then matching falls back to none
  // rather than highlighting the wrong text.
  if (haystack.length !== text.length) return ranges;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length))
    ranges.push([at, at + needle.length]);
  return ranges;
}

/** The part of `pieces` (a whole line's) within columns [from, to), for one row of a wrapped line. */
export function clipPieces(pieces: readonly Piece[], from: number, to: number): Piece[] {
  const clipped: Piece[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const end = offset + piece.text.length;
    if (end > from && offset < to)
      clipped.push({
        ...piece,
        text: piece.text.slice(Math.max(0, from - offset), Math.min(piece.text.length, to - offset)),
      });
    offset = end;
  }
  return clipped;
}

/** Splits styled spans at match boundaries, so matches can be marked without losing their colours. */
export function splitSpans(spans: readonly Span[], ranges: ReadonlyArray<[number, number]>): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  let rangeIndex = 0;
  for (const span of spans) {
    const spanEnd = offset + span.text.length;
    let at = offset;
    while (at < spanEnd) {
      while (rangeIndex < ranges.length && (ranges[rangeIndex]?.[1] ?? 0) <= at) rangeIndex++;
      const range = ranges[rangeIndex];
      if (!range || range[0] >= spanEnd) {
        pieces.push({ span, text: span.text.slice(at - offset), match: false });
        at = spanEnd;
      } else if (range[0] > at) {
        pieces.push({ span, text: span.text.slice(at - offset, range[0] - offset), match: false });
        at = range[0];
      } else {
        const end = Math.min(range[1], spanEnd);
        pieces.push({ span, text: span.text.slice(at - offset, end - offset), match: true });
        at = end;
      }
    }
    offset = spanEnd;
  }
  return pieces;
}
