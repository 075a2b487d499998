import { expect, test } from "vitest";
import { addRow, removeRow, rowsToMetadata, updateRow, type MetadataRow } from "@/lib/metadata-rows";

const rows = (...pairs: [string, string][]): MetadataRow[] =>
  pairs.map(([key, value], i) => ({ id: i + 1, key, value }));

test("added rows are empty and get an id no other row has, even after removals", () => {
  const start = addRow(addRow([]));
  expect(start).toEqual([
    { id: 1, key: "", value: "" },
    { id: 2, key: "", value: "" },
  ]);
  const afterRemove = addRow(removeRow(start, 1));
  expect(afterRemove.map((row) => row.id)).toEqual([2, 3]);
});

test("editing a row changes only that row", () => {
  const edited = updateRow(rows(["a", "1"], ["b", "2"]), 2, { value: "20" });
  expect(edited).toEqual(rows(["a", "1"], ["b", "20"]));
});

test("rows become the metadata map; untouched blank rows are ignored", () => {
  expect(rowsToMetadata(rows(["region", "eu"], ["", ""], ["team", ""]))).toEqual({
    metadata: { region: "eu", team: "" },
    issues: [],
    tooMany: null,
  });
});

test("a value without a key is refused, naming the row", () => {
  expect(rowsToMetadata(rows(["a", "1"], ["", "orphan"])).issues).toEqual([
    { rowId: 2, field: "key", message: "Metadata row 2: a key is required" },
  ]);
});

test("a key used twice is refused on the later row", () => {
  const { metadata, issues } = rowsToMetadata(rows(["a", "1"], ["a", "2"]));
  expect(metadata).toEqual({ a: "1" });
  expect(issues).toEqual([{ rowId: 2, field: "key", message: "Metadata row 2: key “a” is already used above" }]);
});

test("keys and values over the API's limits are refused with its words", () => {
  const { issues } = rowsToMetadata(rows(["k".repeat(65), "v"], ["ok", "v".repeat(257)]));
  expect(issues).toEqual([
    { rowId: 1, field: "key", message: "Metadata row 1: keys must be at most 64 characters" },
    { rowId: 2, field: "value", message: "Metadata row 2: values must be at most 256 characters" },
  ]);
});

test("more keys than the API accepts is refused as a whole", () => {
  const many = Array.from({ length: 101 }, (_, i): [string, string] => [`k${i}`, "v"]);
  expect(rowsToMetadata(rows(...many)).tooMany).toBe("Metadata must have at most 100 keys (101 given)");
});
