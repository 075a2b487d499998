import { expect, test } from "vitest";
import { allSelected, emptySelection, presentSelection, selectRange, toggle, toggleAll } from "@/lib/selection";

const rows = ["a", "b", "c", "d", "e"];

test("toggle adds and removes one id without touching the original", () => {
  const one = toggle(emptySelection, "a");
  expect([...one]).toEqual(["a"]);
  expect([...toggle(one, "a")]).toEqual([]);
  expect(emptySelection.size).toBe(0);
});

test("shift-click selects the range between the anchor and the row, in either direction", () => {
  expect([...selectRange(new Set(["b"]), rows, "b", "d")].sort()).toEqual(["b", "c", "d"]);
  expect([...selectRange(emptySelection, rows, "d", "b")].sort()).toEqual(["b", "c", "d"]);
});

test("shift-click on a selected row clears the range", () => {
  expect([...selectRange(new Set(["a", "b", "c", "d"]), rows, "b", "d")].sort()).toEqual(["a"]);
});

test("shift-click without a visible anchor is a plain toggle", () => {
  expect([...selectRange(emptySelection, rows, null, "c")]).toEqual(["c"]);
  expect([...selectRange(emptySelection, rows, "gone", "c")]).toEqual(["c"]);
});

test("select all matching toggles only the matching set", () => {
  const some = toggleAll(new Set(["z"]), ["a", "b"]);
  expect([...some].sort()).toEqual(["a", "b", "z"]);
  expect(allSelected(some, ["a", "b"])).toBe(true);
  expect([...toggleAll(some, ["a", "b"])]).toEqual(["z"]);
  expect(allSelected(emptySelection, [])).toBe(false);
});

test("ids of jobs that left the list are not counted, and the rest stay selected", () => {
  const selection = new Set(["a", "gone", "c"]);
  expect(presentSelection(selection, rows)).toEqual(["a", "c"]);
  expect(selection.has("gone")).toBe(true);
});
