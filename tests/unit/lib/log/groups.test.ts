import { describe, expect, test } from "vitest";
import { findGroups, groupHeaderKind, groupTitle } from "@/lib/log/groups";
import { parseLog } from "@/lib/log/parser";

const ts = (t: number) => `\x1b_bk;t=${t}\x07`;
const log = (...lines: string[]) => parseLog(lines.map((line) => `${line}\n`).join(""));
const summary = (raw: ReturnType<typeof log>) =>
  findGroups(raw).map((g) => ({
    header: g.header,
    last: g.last,
    kind: g.kind,
    open: g.open,
    title: g.title.map((s) => s.text).join(""),
  }));

describe("groupHeaderKind", () => {
  test("reads the four markers from the visible text", () => {
    expect(groupHeaderKind({ text: "--- :package: Build" })).toBe("collapsed");
    expect(groupHeaderKind({ text: "~~~ Running commands" })).toBe("quiet");
    expect(groupHeaderKind({ text: "+++ Tests failed" })).toBe("expanded");
    expect(groupHeaderKind({ text: "^^^ +++" })).toBe("expand-previous");
    expect(groupHeaderKind({ text: "---no space" })).toBeNull();
    expect(groupHeaderKind({ text: " --- indented" })).toBeNull();
    expect(groupHeaderKind({ text: "plain" })).toBeNull();
  });

  test("a coloured header is still a header, and its title keeps the colour without the marker", () => {
    const [line] = parseLog(`${ts(1)}\x1b[1m--- \x1b[0m\x1b[32m:white_check_mark: Lint\x1b[0m\n`);
    expect(groupHeaderKind(line!)).toBe("collapsed");
    expect(groupTitle(line!)).toEqual([
      { text: ":white_check_mark: Lint", style: { fg: { kind: "palette", index: 2 } } },
    ]);
    const [split] = parseLog(`\x1b[1m--\x1b[0m- Title\n`);
    expect(groupTitle(split!)).toEqual([{ text: "Title" }]);
  });
});

describe("findGroups", () => {
  test("groups run from their header to the line before the next header; earlier lines are in none", () => {
    expect(summary(log("preamble", "~~~ Preparing", "a", "--- Build", "b", "c", "+++ Test", "d"))).toEqual([
      { header: 1, last: 2, kind: "quiet", open: false, title: "Preparing" },
      { header: 3, last: 5, kind: "collapsed", open: false, title: "Build" },
      { header: 6, last: 7, kind: "expanded", open: true, title: "Test" },
    ]);
  });

  test("without any +++ the last --- group starts open (not a later ~~~ one)", () => {
    expect(summary(log("--- One", "a", "--- Two", "b", "~~~ Cleanup", "c")).map((g) => g.open)).toEqual([
      false,
      true,
      false,
    ]);
  });

  test("with a +++ only the +++ groups start open", () => {
    expect(summary(log("+++ One", "a", "--- Two", "b")).map((g) => g.open)).toEqual([true, false]);
  });

  test("^^^ +++ opens the group it is in and starts no group", () => {
    expect(summary(log("--- One", "a", "--- Two", "boom", "^^^ +++", "--- Three", "c"))).toEqual([
      { header: 0, last: 1, kind: "collapsed", open: false, title: "One" },
      { header: 2, last: 4, kind: "collapsed", open: true, title: "Two" },
      { header: 5, last: 6, kind: "collapsed", open: false, title: "Three" },
    ]);
  });

  test("a quiet group can be opened by ^^^ +++", () => {
    expect(summary(log("~~~ Agent", "x", "^^^ +++")).map((g) => g.open)).toEqual([true]);
  });

  test("durations run from a header's time to the next header's, the last to the last timed line", () => {
    const lines = log(
      `${ts(1000)}--- One`,
      `${ts(1500)}a`,
      `${ts(4000)}--- Two`,
      `${ts(4100)}b`,
      `${ts(9000)}c`,
      "untimed",
    );
    expect(findGroups(lines).map((g) => g.durationMs)).toEqual([3000, 5000]);
  });

  test("without timestamps durations are null", () => {
    expect(findGroups(log("--- One", "a", "--- Two")).map((g) => g.durationMs)).toEqual([null, null]);
  });

  test("no headers, no groups", () => {
    expect(findGroups(log("a", "b"))).toEqual([]);
    expect(findGroups([])).toEqual([]);
  });
});
