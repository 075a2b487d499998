import { describe, expect, it } from "vitest";
import { clipPieces, matchRanges, splitSpans } from "@/lib/log/highlight";
import type { Span } from "@/lib/log/types";

const red = { fg: { kind: "palette", index: 1 } } as const;

describe("matchRanges", () => {
  it("finds every occurrence, ignoring case unless asked not to", () => {
    expect(matchRanges("Error: error ERROR", "error", false)).toEqual([
      [0, 5],
      [7, 12],
      [13, 18],
    ]);
    expect(matchRanges("Error: error ERROR", "error", true)).toEqual([[7, 12]]);
    expect(matchRanges("aaaa", "aa", false)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(matchRanges("anything", "", false)).toEqual([]);
  });
});

describe("splitSpans", () => {
  it("marks a match that crosses styled spans without losing either style", () => {
    const spans: Span[] = [{ text: "fail" }, { text: "ed tests", style: red }];
    const pieces = splitSpans(spans, matchRanges("failed tests", "led t", false));
    expect(pieces.map((piece) => [piece.text, piece.match, piece.span.style === red])).toEqual([
      ["fai", false, false],
      ["l", true, false],
      ["ed t", true, true],
      ["ests", false, true],
    ]);
  });

  it("keeps a span whole when nothing in it matches, links included", () => {
    const spans: Span[] = [{ text: "docs", link: "https://buildkite.com/docs" }];
    expect(splitSpans(spans, [])).toEqual([{ span: spans[0], text: "docs", match: false }]);
  });
});

describe("clipPieces", () => {
  it("keeps the part of a line's pieces one wrapped row shows", () => {
    const spans: Span[] = [{ text: "abc" }, { text: "def", style: red }];
    const pieces = splitSpans(spans, matchRanges("abcdef", "cd", false));
    expect(clipPieces(pieces, 2, 5).map((piece) => [piece.text, piece.match])).toEqual([
      ["c", true],
      ["d", true],
      ["e", false],
    ]);
  });
});
