import { describe, expect, test } from "vitest";
import { anchoredScrollTop, reconcileRows, continueRows } from "@/lib/stable-rows";

describe("reconcileRows", () => {
  test("the first data is shown as it comes", () => {
    expect(reconcileRows(null, ["a", "b"])).toEqual({ rows: ["a", "b"], newIds: [] });
  });

  test("jobs that left disappear; the rest keep the operator's order even if the view would reorder them", () => {
    expect(reconcileRows(["a", "b", "c"], ["c", "a"])).toEqual({ rows: ["a", "c"], newIds: [] });
  });

  test("new jobs are announced, not inserted", () => {
    expect(reconcileRows(["a", "b"], ["n1", "a", "n2", "b"])).toEqual({ rows: ["a", "b"], newIds: ["n1", "n2"] });
  });

  test("with nothing left on screen the fresh view is shown directly", () => {
    expect(reconcileRows(["a"], ["x", "y"])).toEqual({ rows: ["x", "y"], newIds: [] });
    expect(reconcileRows([], ["x"])).toEqual({ rows: ["x"], newIds: [] });
  });
});

describe("anchoredScrollTop", () => {
  const rows = ["a", "b", "c", "d", "e", "f"];

  test("rows removed above the viewport pull scrollTop up by their height, keeping the sub-row offset", () => {
    // Row "d" is first visible (index 3) with 5px scrolled past its top.
    expect(anchoredScrollTop(rows, ["a", "d", "e", "f"], 3 * 40 + 5, 40)).toBe(40 + 5);
  });

  test("rows removed below the viewport change nothing", () => {
    expect(anchoredScrollTop(rows, ["a", "b", "c", "d"], 3 * 40, 40)).toBe(3 * 40);
  });

  test("when the anchor row itself leaves, the next surviving row takes its place", () => {
    expect(anchoredScrollTop(rows, ["a", "b", "e", "f"], 3 * 40 + 10, 40)).toBe(2 * 40);
  });

  test("the row under the pointer keeps its place on screen, even when rows between it and the top leave", () => {
    expect(anchoredScrollTop(rows, ["a", "e", "f"], 3 * 40, 40, "e")).toBe(3 * 40 - 3 * 40);
    expect(anchoredScrollTop(rows, ["x", "y", ...rows], 0, 40, "c")).toBe(80);
    // A pointer over a row that left falls back to the first visible row.
    expect(anchoredScrollTop(rows, ["a", "d", "e", "f"], 3 * 40, 40, "b")).toBe(40);
  });

  test("at the top, or when everything below left, the result stays in range", () => {
    expect(anchoredScrollTop(rows, ["b"], 0, 40)).toBe(0);
    expect(anchoredScrollTop(rows, ["a", "b"], 4 * 40, 40)).toBe(40);
    expect(anchoredScrollTop(rows, [], 4 * 40, 40)).toBe(0);
  });
});

describe("continuing the HTML's first screen of rows with the whole list", () => {
  test("rows below the first screen continue it, and rows that arrived among it since wait as new", () => {
    // The first screen was a, b, c; since, x arrived between a and b, and b left; d and e sort below.
    const next = continueRows(["a", "b", "c"], ["a", "x", "c", "d", "e"]);
    expect(next.rows).toEqual(["a", "c", "d", "e"]);
    expect(next.newIds).toEqual(["x"]);
  });

  test("with nothing of the first screen left, the whole view shows as is", () => {
    expect(continueRows(["a"], ["b", "c"])).toEqual({ rows: ["b", "c"], newIds: [] });
  });
});
