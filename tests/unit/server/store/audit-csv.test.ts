import { describe, expect, test } from "vitest";
import { csvCell } from "@/server/store/audit-csv";

describe("audit CSV cells", () => {
  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+cmd", "'+cmd"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
  ])("%j is written as %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("empty values are empty cells and numbers stay numbers", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(422)).toBe("422");
  });
});
