import { describe, expect, test } from "vitest";
import {
  COLUMNS,
  createLogParser,
  HELD_ROWS,
  MAX_STRING_SEQUENCE,
  parseLog,
  safeHref,
  WINDOW_LINES,
} from "@/lib/log/parser";
import type { LogLine, TextStyle } from "@/lib/log/types";

const ESC = "\x1b";
const BEL = "\x07";
const ST = `${ESC}\\`;
const csi = (body: string) => `${ESC}[${body}`;
const sgr = (params: string) => csi(`${params}m`);
const ts = (t: number) => `${ESC}_bk;t=${t}${BEL}`;
const texts = (raw: string) => parseLog(raw).map((line) => line.text);
const only = (raw: string): LogLine => {
  const lines = parseLog(raw);
  expect(lines).toHaveLength(1);
  return lines[0]!;
};
const styleOf = (raw: string): TextStyle | undefined => {
  const line = only(raw);
  expect(line.spans).toHaveLength(1);
  return line.spans[0]!.style;
};
const palette = (index: number) => ({ kind: "palette", index });

/** Feeds the input in the given pieces and collects every row returned. */
function parsePieces(pieces: string[]): { lines: LogLine[]; rowCount: number } {
  const parser = createLogParser();
  const lines: LogLine[] = [];
  for (const piece of pieces) lines.push(...parser.push(piece));
  lines.push(...parser.end());
  return { lines, rowCount: parser.rowCount };
}

describe("line endings", () => {
  test("\\n, \\r\\n and \\r\\r\\n each end a line without overwriting it", () => {
    expect(texts("one\ntwo\r\nthree\r\r\nfour")).toEqual(["one", "two", "three", "four"]);
  });

  test("a trailing newline does not add an empty row; blank lines are kept", () => {
    expect(texts("a\n")).toEqual(["a"]);
    expect(texts("a\n\nb\n")).toEqual(["a", "", "b"]);
    expect(texts("")).toEqual([]);
    expect(texts("\n")).toEqual([""]);
  });
});

describe("timestamps", () => {
  test("bk;t= sets the line's time and takes no width", () => {
    const lines = parseLog(`${ts(1763630043512)}hello\n${ts(1763630043600)}world\nplain\n`);
    expect(lines.map((l) => [l.text, l.time])).toEqual([
      ["hello", 1763630043512],
      ["world", 1763630043600],
      ["plain", null],
    ]);
  });

  test("dt= counts from the previous timestamp (which it then becomes)", () => {
    const lines = parseLog(`${ts(1000)}a\n${ESC}_bk;dt=250${BEL}b\n${ESC}_bk;dt=50${BEL}c\n`);
    expect(lines.map((l) => l.time)).toEqual([1000, 1250, 1300]);
  });

  test("dt= with no timestamp before it gives no time", () => {
    expect(only(`${ESC}_bk;dt=250${BEL}a\n`).time).toBeNull();
  });

  test("the ESC \\ terminator works like BEL", () => {
    expect(only(`${ESC}_bk;t=42${ST}text\n`)).toEqual({ spans: [{ text: "text" }], text: "text", time: 42 });
  });

  test("extra key=value pairs are ignored, in any order", () => {
    expect(only(`${ESC}_bk;llamas=blah;t=77;x=y${BEL}a\n`).time).toBe(77);
  });

  test("the last timestamp on a line wins", () => {
    expect(only(`${ts(1)}a${ts(2)}b\n`)).toMatchObject({ text: "ab", time: 2 });
  });

  test("APCs that are not Buildkite's, and broken values, are swallowed without effect", () => {
    expect(only(`${ESC}_other;t=5${BEL}${ESC}_bk;t=abc${BEL}a\n`)).toEqual({
      spans: [{ text: "a" }],
      text: "a",
      time: null,
    });
  });

  test("a line holding only a timestamp is an empty row with that time", () => {
    expect(parseLog(`${ts(9)}\n`)).toEqual([{ spans: [], text: "", time: 9 }]);
  });
});

describe("carriage return, backspace and tabs", () => {
  test("\\r returns to column 0 and later text overwrites", () => {
    expect(texts("progress 10%\rprogress 20%\rdone\n")).toEqual(["doneress 20%"]);
  });

  test("a progress bar redrawn hundreds of times leaves its final state on one line", () => {
    let raw = ts(1);
    for (let i = 0; i <= 300; i++) raw += `\r[${"#".repeat(Math.floor(i / 10)).padEnd(30)}] ${i}/300`;
    raw += "\nnext\n";
    expect(texts(raw)).toEqual([`[${"#".repeat(30)}] 300/300`, "next"]);
  });

  test("an overwrite keeps the styles of the characters it does not cover", () => {
    const line = only(`${sgr("31")}abcdef${sgr("0")}\r${sgr("1")}XY\n`);
    expect(line.text).toBe("XYcdef");
    expect(line.spans).toEqual([
      { text: "XY", style: { bold: true } },
      { text: "cdef", style: { fg: palette(1) } },
    ]);
  });

  test("\\b moves back one column (and not past column 0)", () => {
    expect(texts("abc\bX\n")).toEqual(["abX"]);
    expect(texts("\b\bab\n")).toEqual(["ab"]);
    expect(texts("spin |\b/\b-\b\\\bdone\n")).toEqual(["spin done"]);
  });

  test("a tab moves to the next multiple of 8, padded with spaces", () => {
    expect(texts("a\tb\n12345678\tc\n\td\n")).toEqual(["a       b", "12345678        c", "        d"]);
  });

  test("a tab over existing text moves the cursor without erasing", () => {
    expect(texts("abcdefghijk\r\tX\n")).toEqual(["abcdefghXjk"]);
  });
});

describe("columns are characters (code points), as in Buildkite's renderer", () => {
  test("\\r over an emoji replaces the whole emoji, not half of it", () => {
    expect(texts("🚨 ok\rX\n")).toEqual(["X ok"]);
  });

  test("\\b steps back over an emoji as one column", () => {
    expect(texts("ab🚨\bX\n")).toEqual(["abX"]);
  });

  test("cursor movement after an emoji lands on the right character", () => {
    expect(texts(`🚨 ok\r${csi("2C")}K\n`)).toEqual(["🚨 Kk"]);
    expect(texts(`🚨${csi("3G")}X\n`)).toEqual(["🚨 X"]);
    expect(texts(`a🚨b🚨c${csi("2D")}X\n`)).toEqual(["a🚨bXc"]);
  });

  test("an overwrite between emoji keeps the styles of the characters it does not cover", () => {
    expect(only(`${sgr("31")}🚨🚨${sgr("0")}ab\r${csi("C")}X\n`).spans).toEqual([
      { text: "🚨", style: { fg: palette(1) } },
      { text: "Xab" },
    ]);
  });

  test("erasing after an emoji cuts at the right character", () => {
    expect(texts(`🚨🚨🚨\r${csi("C")}${csi("K")}\n`)).toEqual(["🚨"]);
    expect(texts(`🚨🚨🚨\r${csi("C")}${csi("1K")}\n`)).toEqual(["  🚨"]);
  });
});

describe("cursor movement (CSI A B C D E F G H)", () => {
  test("cursor up redraws earlier rows like docker pull", () => {
    const raw =
      "layer1: Waiting\nlayer2: Waiting\nlayer3: Waiting\n" +
      `${csi("3A")}${csi("2K")}\rlayer1: Pull complete\r${csi("3B")}` +
      `${csi("2A")}${csi("2K")}\rlayer2: Downloading 50%\r${csi("2B")}` +
      "Digest: sha256:abc\n";
    const { lines, rowCount } = parsePieces([raw]);
    expect(lines.map((l) => l.text)).toEqual([
      "layer1: Pull complete",
      "layer2: Downloading 50%",
      "layer3: Waiting",
      "Digest: sha256:abc",
    ]);
    expect(rowCount).toBe(4);
  });

  test("C moves forward (padding with spaces), D moves back", () => {
    expect(texts(`a${csi("3C")}b\n`)).toEqual(["a   b"]);
    expect(texts(`abcd${csi("2D")}X\n`)).toEqual(["abXd"]);
    expect(texts(`ab${csi("9D")}X\n`)).toEqual(["Xb"]);
    expect(texts(`a${csi("C")}b\n`)).toEqual(["a b"]);
  });

  test("a count of 0 moves nothing, as in Buildkite's renderer (a terminal would move one)", () => {
    expect(texts(`one\ntwo${csi("0A")}X${csi("0D")}Y${csi("0C")}Z${csi("0F")}!\n`)).toEqual(["one", "!woXYZ"]);
  });

  test("E and F move to the start of the next or previous line", () => {
    expect(texts(`one\ntwo\n${csi("2F")}ONE${csi("E")}T\n`)).toEqual(["ONE", "Two"]);
  });

  test("G sets the column (1-based)", () => {
    expect(texts(`abcdef${csi("3G")}X\n`)).toEqual(["abXdef"]);
    expect(texts(`abc${csi("G")}X\n`)).toEqual(["Xbc"]);
  });

  test("H never jumps back over the log: as in Buildkite's renderer it starts a new line (if this one has text), then sets the column", () => {
    expect(texts(`aaa\nbbb\nccc\n${csi("2;2H")}X${csi("H")}Y${csi("99;1H")}Z\n`)).toEqual([
      "aaa",
      "bbb",
      "ccc",
      " X",
      "Y",
      "Z",
    ]);
    // Several in a row with no text between make one new line.
    expect(texts(`a${csi("H")}${csi("H")}${csi("5;3H")}b\n`)).toEqual(["a", "  b"]);
    // On a wrapped row's first screen line, the new line is the row's next screen line.
    expect(texts(`${"a".repeat(200)}${csi("A")}${csi("H")}X\n`)).toEqual([`${"a".repeat(160)}X${"a".repeat(39)}`]);
  });

  test("PowerShell's progress display, drawn with cursor home, keeps the log above it and gets a line per redraw", () => {
    const raw =
      `${ts(1)}~~~ Running commands\n${ts(2)}$ pwsh -c 'Install-Module X'\n${ts(3)}${csi("?25l")}${ESC}=` +
      `${csi("1;1H")}Installing [    ]${csi("1;1H")}Installing [##  ]${csi("H")}Installing [####]${csi("H")}${" ".repeat(20)}${csi("?25h")}\n` +
      `${ts(4)}~~~ Running global post-command hook\n`;
    // The new lines carry the time of the line they follow, as Buildkite shows them.
    expect(parseLog(raw).map((line) => [line.text, line.time])).toEqual([
      ["~~~ Running commands", 1],
      ["$ pwsh -c 'Install-Module X'", 2],
      ["Installing [    ]", 3],
      ["Installing [##  ]", 3],
      ["Installing [####]", 3],
      [" ".repeat(20), 3],
      ["~~~ Running global post-command hook", 4],
    ]);
  });

  test("cursor down below the last line, while the log is shorter than Buildkite's window, goes down into blank rows", () => {
    expect(texts(`this is great ${csi("1B")}hello\n`)).toEqual(["this is great ", `${" ".repeat(14)}hello`]);
    const { lines, rowCount } = parsePieces([`a\n${csi("3B")}b\n`]);
    expect(lines.map((l) => l.text)).toEqual(["a", "", "", "", "b"]);
    expect(rowCount).toBe(5);
  });

  test("once the window is full, cursor down goes no further than the fresh line below the last line written", () => {
    const log = Array.from({ length: WINDOW_LINES }, (_, i) => `line ${i}\n`).join("");
    const { lines, rowCount } = parsePieces([`${log}${csi("5B")}X\n${csi("3A")}${csi("9B")}Y\n`]);
    expect(rowCount).toBe(WINDOW_LINES + 2);
    expect(lines.slice(-3).map((l) => l.text)).toEqual([`line ${WINDOW_LINES - 1}`, "X", "Y"]);
  });

  test("a docker pull redraw past the window's first 100 lines still lands on its own lines", () => {
    const filler = Array.from({ length: 120 }, (_, i) => `step ${i}\n`).join("");
    const redraw =
      "layer1: Waiting\nlayer2: Waiting\nlayer3: Waiting\n" +
      `${csi("3A")}${csi("2K")}\rlayer1: Pull complete\r${csi("3B")}` +
      `${csi("2A")}${csi("2K")}\rlayer2: Downloading 50%\r${csi("2B")}` +
      "Digest: sha256:abc\n";
    expect(texts(filler + redraw).slice(-4)).toEqual([
      "layer1: Pull complete",
      "layer2: Downloading 50%",
      "layer3: Waiting",
      "Digest: sha256:abc",
    ]);
  });

  test("cursor up stops at the first row", () => {
    expect(texts(`a\nb${csi("10A")}X\n`)).toEqual(["aX", "b"]);
    expect(texts(`first\nsecond${csi("10A")}\rX\n`)).toEqual(["Xirst", "second"]);
  });

  test("a newline above the bottom moves down without creating a row", () => {
    expect(texts(`1\n2\n3\n${csi("3A")}x\ny\n`)).toEqual(["x", "y", "3"]);
    expect(parsePieces([`1\n2\n3\n${csi("3A")}x\ny\n`]).rowCount).toBe(3);
  });

  test("ESC 7 and ESC 8 save and restore the cursor", () => {
    expect(texts(`ab${ESC}7cd\nef${ESC}8X\n`)).toEqual(["abXd", "ef"]);
  });

  test("ESC M moves up one row", () => {
    expect(texts(`one\ntwo${ESC}M\rX\n`)).toEqual(["Xne", "two"]);
  });

  test("private modes like ?25l change nothing", () => {
    expect(only(`${csi("?25l")}a${csi("?25h")}${csi("?1049h")}b\n`)).toEqual({
      spans: [{ text: "ab" }],
      text: "ab",
      time: null,
    });
  });
});

describe("Buildkite's 160-column screen: long rows wrap for the cursor", () => {
  const x = (count: number) => "x".repeat(count);

  test("cursor-up counts the screen lines a long row wraps onto", () => {
    expect(texts(`short\n${x(200)}\n${csi("2A")}\rY\n`)).toEqual(["short", `Y${x(199)}`]);
    expect(texts(`one\n${x(200)}\nthree${csi("2A")}\rY${csi("2B")}\rTHREE\n`)).toEqual(["one", `Y${x(199)}`, "THREE"]);
  });

  test("\\r returns to the start of the cursor's screen line, so a redraw wider than the screen runs on", () => {
    expect(texts(`${"A".repeat(200)}\r${"B".repeat(200)}\n`)).toEqual([`${"A".repeat(160)}${"B".repeat(200)}`]);
    // Just after filling a screen line the cursor is still on it: only the next character wraps.
    expect(texts(`${x(320)}\rY\n`)).toEqual([`${x(160)}Y${x(159)}`]);
  });

  test("\\b and cursor-back stop at the start of the cursor's screen line", () => {
    expect(texts(`${x(160)}yz\r\bQ\n`)).toEqual([`${x(160)}Qz`]);
    expect(texts(`${x(170)}${csi("50D")}Y\n`)).toEqual([`${x(160)}Y${x(9)}`]);
  });

  test("column moves stop at the last column of the screen line", () => {
    expect(texts(`a${csi("200C")}b\n`)).toEqual([`a${" ".repeat(COLUMNS - 2)}b`]);
    expect(texts(`${csi("300G")}X\n`)).toEqual([`${" ".repeat(COLUMNS - 1)}X`]);
    expect(texts(`${x(170)}\r${csi("200C")}Y\n`)).toEqual([`${x(170)}${" ".repeat(149)}Y`]);
    expect(texts(`${x(157)}\tY\n`)).toEqual([`${x(157)}  Y`]);
    // A cursor left past the end of a full line by writing comes back onto its last column when it moves up.
    expect(texts(`a\n${x(COLUMNS)}${csi("A")}Y\n`)).toEqual([`a${" ".repeat(COLUMNS - 2)}Y`, x(COLUMNS)]);
  });

  test("a newline on a wrapped row's first screen line moves to its next screen line, not to the next row", () => {
    const { lines, rowCount } = parsePieces([`${x(200)}${csi("A")}\nY\n`]);
    expect(lines.map((l) => l.text)).toEqual([`${x(160)}Y${x(39)}`]);
    expect(rowCount).toBe(1);
  });

  test("erasing up to a cursor just past the end of a full screen line leaves the next screen line alone", () => {
    const raw = `${"a".repeat(COLUMNS)}${ESC}7${"b".repeat(40)}${ESC}8`;
    expect(texts(`${raw}${csi("1K")}\n`)).toEqual([`${" ".repeat(COLUMNS)}${"b".repeat(40)}`]);
    expect(texts(`${raw}${csi("1J")}\n`)).toEqual([`${" ".repeat(COLUMNS)}${"b".repeat(40)}`]);
  });

  test("erasing a line erases the cursor's screen line only, keeping the row's other lines where they were", () => {
    expect(texts(`${x(200)}${csi("2K")}\n`)).toEqual([x(160)]);
    expect(texts(`${"a".repeat(160)}${"b".repeat(40)}${csi("A")}${csi("2K")}\n`)).toEqual([
      `${" ".repeat(160)}${"b".repeat(40)}`,
    ]);
    expect(texts(`${"a".repeat(200)}${csi("A")}\r${csi("5C")}${csi("K")}\n`)).toEqual([
      `aaaaa${" ".repeat(155)}${"a".repeat(40)}`,
    ]);
  });
});

describe("erase (CSI J and K)", () => {
  test("K0 erases to the end of the line, K1 to the cursor (inclusive), K2 the whole line", () => {
    expect(texts(`abcdef${csi("3D")}${csi("K")}\n`)).toEqual(["abc"]);
    expect(texts(`abcdef${csi("3D")}${csi("0K")}X\n`)).toEqual(["abcX"]);
    expect(texts(`abcdef${csi("3D")}${csi("1K")}\n`)).toEqual(["    ef"]);
    expect(texts(`abcdef${csi("2K")}X\n`)).toEqual(["      X"]);
  });

  test("J0 erases from the cursor to the end of the screen", () => {
    expect(texts(`one\ntwo\nthree\n${csi("3A")}o${csi("J")}\n`)).toEqual(["o", "", ""]);
  });

  test("J1 erases from the top of the screen to the cursor", () => {
    expect(texts(`one\ntwo\nthree${csi("1A")}${csi("1J")}\n`)).toEqual(["", "", "three"]);
    expect(texts(`one\nlonger\nthree\r${csi("1A")}${csi("2C")}${csi("1J")}\n`)).toEqual(["", "   ger", "three"]);
  });

  test("J2 blanks Buildkite's window, the last 100 screen lines, and nothing above it", () => {
    const rows = Array.from({ length: 150 }, (_, i) => `r${i}`);
    const lines = texts(`${rows.join("\n")}${csi("2J")}\n`);
    expect(lines).toHaveLength(150);
    expect(lines.slice(0, 50)).toEqual(rows.slice(0, 50));
    expect(lines.slice(50).every((text) => text === "")).toBe(true);
    // A row reaching above the window keeps its screen lines there.
    const long = `${"a".repeat(COLUMNS)}${"b".repeat(COLUMNS)}`;
    expect(texts(`${long}\n${rows.slice(0, WINDOW_LINES - 1).join("\n")}${csi("2J")}\n`)[0]).toBe("a".repeat(COLUMNS));
  });

  test("J2 and J3 blank the screen but keep its rows (and their numbers)", () => {
    expect(texts(`one\ntwo\n${csi("2J")}three\n`)).toEqual(["", "", "three"]);
    expect(texts(`one\n${csi("3J")}two\n`)).toEqual(["", "two"]);
  });

  test("erasing keeps the line's timestamp", () => {
    expect(only(`${ts(5)}abc${csi("2K")}\n`)).toEqual({ spans: [], text: "", time: 5 });
  });
});

describe("SGR", () => {
  test("attributes on, and reset by 0 and by an empty SGR", () => {
    expect(styleOf(`${sgr("1")}x\n`)).toEqual({ bold: true });
    expect(styleOf(`${sgr("2;3;4;9")}x\n`)).toEqual({ faint: true, italic: true, underline: true, strike: true });
    expect(styleOf(`${sgr("5")}x\n`)).toEqual({ blink: true });
    expect(styleOf(`${sgr("6")}x\n`)).toEqual({ blink: true });
    expect(styleOf(`${sgr("7")}x\n`)).toEqual({ inverse: true });
    expect(styleOf(`${sgr("1;31")}${sgr("0")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("1;31")}${sgr("")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("1;31")}${sgr(";")}x\n`)).toBeUndefined();
  });

  test("the matching offs 21–29", () => {
    const all = sgr("1;3;4;5;7;9;31");
    expect(styleOf(`${all}${sgr("21")}x\n`)).toEqual({
      italic: true,
      underline: true,
      blink: true,
      inverse: true,
      strike: true,
      fg: palette(1),
    });
    expect(styleOf(`${sgr("1;2")}${sgr("22")}x\n`)).toBeUndefined();
    expect(styleOf(`${all}${sgr("22;23;24;25;27;29")}x\n`)).toEqual({ fg: palette(1) });
  });

  test("16 colours: 30–37, 90–97, 40–47, 100–107, and 39/49 back to default", () => {
    expect(styleOf(`${sgr("30")}x\n`)).toEqual({ fg: palette(0) });
    expect(styleOf(`${sgr("37")}x\n`)).toEqual({ fg: palette(7) });
    expect(styleOf(`${sgr("90")}x\n`)).toEqual({ fg: palette(8) });
    expect(styleOf(`${sgr("97")}x\n`)).toEqual({ fg: palette(15) });
    expect(styleOf(`${sgr("41")}x\n`)).toEqual({ bg: palette(1) });
    expect(styleOf(`${sgr("107")}x\n`)).toEqual({ bg: palette(15) });
    expect(styleOf(`${sgr("31;42")}${sgr("39")}x\n`)).toEqual({ bg: palette(2) });
    expect(styleOf(`${sgr("31;42")}${sgr("49")}x\n`)).toEqual({ fg: palette(1) });
  });

  test("256 colours and truecolour, foreground and background", () => {
    expect(styleOf(`${sgr("38;5;208")}x\n`)).toEqual({ fg: palette(208) });
    expect(styleOf(`${sgr("48;5;17")}x\n`)).toEqual({ bg: palette(17) });
    expect(styleOf(`${sgr("38;2;255;128;0")}x\n`)).toEqual({ fg: { kind: "rgb", r: 255, g: 128, b: 0 } });
    expect(styleOf(`${sgr("48;2;1;2;3;1")}x\n`)).toEqual({ bg: { kind: "rgb", r: 1, g: 2, b: 3 }, bold: true });
  });

  test("malformed colour parameters are ignored without throwing", () => {
    expect(styleOf(`${sgr("38;5")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("38")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("38;5;256")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("38;5;300;1")}x\n`)).toEqual({ bold: true });
    expect(styleOf(`${sgr("38;2;1;2")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("38;2;999;0;0;4")}x\n`)).toEqual({ underline: true });
    expect(styleOf(`${sgr("38;7;1")}x\n`)).toBeUndefined();
    expect(styleOf(`${sgr("99999999999999;1")}x\n`)).toEqual({ bold: true });
    expect(styleOf(`${sgr("38:5:1")}x\n`)).toBeUndefined();
  });

  test("adjacent runs with the same style are merged; styles are shared objects", () => {
    const line = only(`${sgr("31")}ab${sgr("31")}cd${sgr("0")}ef${sgr("0")}gh${sgr("31")}ij\n`);
    expect(line.spans).toEqual([
      { text: "abcd", style: { fg: palette(1) } },
      { text: "efgh" },
      { text: "ij", style: { fg: palette(1) } },
    ]);
    expect(line.spans[0]!.style).toBe(line.spans[2]!.style);
    expect(Object.isFrozen(line.spans[0]!.style)).toBe(true);
  });

  test("the style carries across lines until reset", () => {
    const lines = parseLog(`${sgr("32")}a\nb${sgr("0")}c\n`);
    expect(lines.map((l) => l.spans)).toEqual([
      [{ text: "a", style: { fg: palette(2) } }],
      [{ text: "b", style: { fg: palette(2) } }, { text: "c" }],
    ]);
  });
});

describe("OSC", () => {
  test("OSC 8 links http, https, mailto and artifact:// (BEL or ESC \\ terminated)", () => {
    const line = only(
      `see ${ESC}]8;;https://example.com/a?b=1${BEL}docs${ESC}]8;;${BEL} or ${ESC}]8;id=1;artifact://pkg/out.tar.gz${ST}out${ESC}]8;;${ST}` +
        ` ${ESC}]8;;mailto:ops@example.com${BEL}mail${ESC}]8;;${BEL} ${ESC}]8;;http://x.test${BEL}x${ESC}]8;;${BEL}\n`,
    );
    expect(line.spans).toEqual([
      { text: "see " },
      { text: "docs", link: "https://example.com/a?b=1" },
      { text: " or " },
      { text: "out", link: "artifact://pkg/out.tar.gz" },
      { text: " " },
      { text: "mail", link: "mailto:ops@example.com" },
      { text: " " },
      { text: "x", link: "http://x.test" },
    ]);
  });

  test("javascript:, data:, vbscript: and unknown schemes keep their text but link nowhere", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<b>",
      "vbscript:x",
      "ftp://x",
      "/relative",
    ]) {
      const line = only(`${ESC}]8;;${url}${BEL}click${ESC}]8;;${BEL}\n`);
      expect(line).toEqual({ spans: [{ text: "click" }], text: "click", time: null });
    }
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("https://ok.test")).toBe("https://ok.test");
  });

  test("a link carries its style, and an unsafe link in the middle ends a safe one", () => {
    const line = only(`${sgr("4")}${ESC}]8;;https://a.test${BEL}a${ESC}]8;;javascript:x${BEL}b${ESC}]8;;${BEL}c\n`);
    expect(line.spans).toEqual([
      { text: "a", style: { underline: true }, link: "https://a.test" },
      { text: "bc", style: { underline: true } },
    ]);
  });

  test("OSC 1339 writes a link with its content as text", () => {
    expect(only(`go ${ESC}]1339;url=https://buildkite.com;content=Buildkite${BEL}!\n`).spans).toEqual([
      { text: "go " },
      { text: "Buildkite", link: "https://buildkite.com" },
      { text: "!" },
    ]);
    expect(only(`${ESC}]1339;url=javascript:alert(1);content=hi${BEL}\n`).spans).toEqual([{ text: "hi" }]);
    expect(only(`${ESC}]1339;url=https://a.test${BEL}\n`).spans).toEqual([
      { text: "https://a.test", link: "https://a.test" },
    ]);
  });

  test("OSC 1338 images show their alt text, or nothing", () => {
    expect(texts(`[${ESC}]1338;url=artifact://chart.png;alt=Coverage chart${BEL}]\n`)).toEqual(["[Coverage chart]"]);
    expect(texts(`[${ESC}]1338;url=artifact://chart.png${BEL}]\n`)).toEqual(["[]"]);
  });

  test("OSC 1337 inline files and window titles are swallowed", () => {
    expect(
      texts(`a${ESC}]1337;File=name=eC5wbmc=;inline=1:iVBORw0KGgo=${BEL}b${ESC}]0;title${BEL}c${ESC}]2;t${ST}d\n`),
    ).toEqual(["abcd"]);
  });

  test("a huge inline image is skipped to its terminator without showing its bytes", () => {
    const image = `${ESC}]1337;File=inline=1:${"QUJD".repeat(MAX_STRING_SEQUENCE)}${BEL}`;
    expect(texts(`before${image}after\n`)).toEqual(["beforeafter"]);
    const { lines } = parsePieces([
      "before",
      image.slice(0, 5000),
      image.slice(5000, 9000),
      image.slice(9000),
      "after\n",
    ]);
    expect(lines.map((l) => l.text)).toEqual(["beforeafter"]);
  });

  test("an escape inside an unterminated OSC abandons it and is read itself", () => {
    expect(only(`a${ESC}]8;;https://x.test${ts(3)}b\n`)).toEqual({ spans: [{ text: "ab" }], text: "ab", time: 3 });
  });
});

describe("other escapes", () => {
  test("DCS, PM and SOS strings are swallowed", () => {
    expect(texts(`a${ESC}Pq#0;2;0;0;0${ST}b${ESC}^private${BEL}c${ESC}Xstart${ST}d\n`)).toEqual(["abcd"]);
  });

  test("CSI f moves to the start of a previous line, as Buildkite's renderer reads it as F", () => {
    expect(texts(`one\ntwo\n${csi("1;5f")}X\n`)).toEqual(["one", "Xwo"]);
  });

  test("charset selections like ESC ( B are swallowed", () => {
    expect(texts(`a${ESC}(Bb${ESC})0c${ESC}(0d\n`)).toEqual(["abcd"]);
  });

  test("an unknown escape drops only the ESC byte", () => {
    expect(texts(`a${ESC}Zb${ESC}${ESC}[1mc\n`)).toEqual(["aZbc"]);
    expect(parseLog(`${ESC}${ESC}[1mc\n`)[0]!.spans).toEqual([{ text: "c", style: { bold: true } }]);
  });

  test("an unsupported but well-formed CSI is swallowed", () => {
    expect(texts(`a${csi("2S")}b${csi("1;2r")}c${csi(" q")}d\n`)).toEqual(["abcd"]);
  });

  test("a CSI broken by a control byte drops only its ESC", () => {
    expect(texts(`a${ESC}[3\nb\n`)).toEqual(["a[3", "b"]);
  });

  test("an over-long CSI is not a CSI: only its ESC is dropped", () => {
    const params = "1;".repeat(200);
    expect(texts(`a${ESC}[${params}mb\n`)).toEqual([`a[${params}mb`]);
  });

  test("other control bytes are not shown", () => {
    expect(texts(`a${BEL}b\x00c\x7fd\x0ee\n`)).toEqual(["abcde"]);
  });

  test("truncated sequences at the end of the log are dropped", () => {
    for (const tail of [
      ESC,
      `${ESC}[`,
      `${ESC}[38;5`,
      `${ESC}]8;;https://x`,
      `${ESC}_bk;t=1`,
      `${ESC}(`,
      `${ESC}_bk;t=1${ESC}`,
    ]) {
      expect(texts(`done\nlast${tail}`)).toEqual(["done", "last"]);
    }
  });
});

describe("hostile input", () => {
  test("cursor movement far into blank space stops at the screen's last column, so a row cannot balloon", () => {
    expect(only(`a${csi("999999999C")}b\n`).text).toHaveLength(COLUMNS);
    expect(only(`${csi("999999999G")}b\n`).text).toHaveLength(COLUMNS);
    expect(only(`${csi("1;999999999H")}b\n`).text).toHaveLength(COLUMNS);
  });

  test("a very long row is still one row, and moves at its end stay on its last screen line", () => {
    const long = "x".repeat(10_000);
    // 10,000 columns end on screen line 62, which starts at column 9,920.
    expect(texts(`${long}\r${csi("5C")}Y\n`)).toEqual([`${"x".repeat(9925)}Y${"x".repeat(74)}`]);
  });

  test("overwrites near the end of a row of many styled runs keep every other run", () => {
    let raw = "";
    for (let i = 0; i < 200; i++) raw += `${sgr(`0;${31 + (i % 2)}`)}ab\b${sgr("1")}c`;
    const line = only(`${raw}\n`);
    expect(line.text).toBe("ac".repeat(200));
    expect(line.spans).toHaveLength(400);
    expect(line.spans[1]).toEqual({ text: "c", style: { bold: true, fg: palette(1) } });
  });

  test("an OSC that never ends is skipped in bounded steps and the text after its terminator returns", () => {
    const parser = createLogParser();
    parser.push(`before${ESC}]8;;https://`);
    for (let i = 0; i < 1000; i++) parser.push("a".repeat(1024));
    const lines = [...parser.push(`${BEL}after\n`), ...parser.end()];
    expect(lines.map((l) => l.text)).toEqual(["beforeafter"]);
  });

  test("an OSC still open at the end of the log is dropped", () => {
    expect(texts(`text${ESC}]8;;${"a".repeat(MAX_STRING_SEQUENCE * 3)}`)).toEqual(["text"]);
  });
});

describe("pieces", () => {
  const sample =
    `${ts(1000)}${sgr("1;38;5;208")}build${sgr("0")} ${ESC}]8;;https://a.test/x${ST}link${ESC}]8;;${BEL}\r\n` +
    `${ESC}_bk;dt=5;x=y${ST}10%\r20%\r${sgr("38;2;1;2;3")}done${csi("m")}\r\r\n` +
    `${ESC}(Bx\ty${ESC}7z${ESC}8Z\b!${csi("?25l")}${ESC}Q\n` +
    `up${csi("1A")}${csi("2K")}\rU${csi("1B")}\r${ESC}]1339;url=https://b.test;content=c${BEL}${ESC}]1338;alt=img${BEL}` +
    `${ESC}]1337;File=x${BEL}${sgr("31")}end 🚨\b!\n`;

  test("a sequence split across two pieces at every position parses as in one piece", () => {
    const whole = parseLog(sample);
    expect(whole.length).toBeGreaterThan(3);
    for (let at = 0; at <= sample.length; at++) {
      const { lines } = parsePieces([sample.slice(0, at), sample.slice(at)]);
      expect(lines, `split at ${at}`).toEqual(whole);
    }
  });

  test("random mixes of escape fragments never throw and parse the same however they are cut", () => {
    // Deterministic (a fixed LCG), so a failure names an input that can be replayed.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const fragments = [
      ESC,
      "[",
      "]",
      "_",
      "bk;t=1",
      "bk;dt=3",
      BEL,
      "\\",
      "38;5;",
      "38;2;1;2",
      "2;",
      "m",
      "A",
      "B",
      "C",
      "H",
      "J",
      "K",
      "G",
      "8;;https://x.test",
      "8;;javascript:x",
      ";",
      "a",
      "bc",
      "\r",
      "\n",
      "\r\n",
      "\b",
      "\t",
      "(",
      "7",
      "8",
      "?25l",
      "1339;url=https://a.test;content=z",
      "1338;alt=i",
      "1337;File=x",
      "\x00",
      "🚨",
    ];
    for (let round = 0; round < 300; round++) {
      let raw = "";
      for (let i = 0; i < 60; i++) raw += fragments[Math.floor(next() * fragments.length)];
      const whole = parsePieces([raw]);
      const a = Math.floor(next() * raw.length);
      const b = a + Math.floor(next() * (raw.length - a));
      const cut = parsePieces([raw.slice(0, a), raw.slice(a, b), raw.slice(b)]);
      expect(cut, JSON.stringify(raw)).toEqual(whole);
    }
  });

  test("byte-by-byte input parses as in one piece", () => {
    expect(parsePieces([...sample]).lines).toEqual(parseLog(sample));
  });

  test("\\r and \\n in different pieces still end the line without overwriting", () => {
    expect(parsePieces(["abc\r", "\ndef\r\r", "\n"]).lines.map((l) => l.text)).toEqual(["abc", "def"]);
  });
});

describe("held rows, rowCount and lowestRowTouched", () => {
  test("rows are returned once the cursor can no longer reach them, the rest at end()", () => {
    const parser = createLogParser();
    const raw = Array.from({ length: HELD_ROWS + 10 }, (_, i) => `line ${i}\n`).join("");
    const pushed = parser.push(raw);
    expect(pushed.map((l) => l.text)).toEqual(Array.from({ length: 11 }, (_, i) => `line ${i}`));
    expect(parser.rowCount).toBe(HELD_ROWS + 10);
    const rest = parser.end();
    expect(rest).toHaveLength(HELD_ROWS - 1);
    expect(rest.at(-1)!.text).toBe(`line ${HELD_ROWS + 9}`);
  });

  test("peekHeld shows the held rows as they stand, redraws included, without handing them out", () => {
    const parser = createLogParser();
    const raw = Array.from({ length: HELD_ROWS + 2 }, (_, i) => `line ${i}\n`).join("");
    const released = parser.push(raw);
    const held = parser.peekHeld();
    expect(held.start).toBe(released.length);
    expect(held.rows.map((l) => l.text)).toEqual(
      Array.from({ length: HELD_ROWS - 1 }, (_, i) => `line ${released.length + i}`),
    );

    parser.push(`${csi("1A")}\r${csi("2K")}redrawn\n`);
    expect(parser.peekHeld().rows.at(-1)!.text).toBe("redrawn");
    // Peeking took nothing: end() still returns every held row.
    expect(parser.end()).toHaveLength(HELD_ROWS - 1);
  });

  test("cursor up stops at the top of Buildkite's window: the last 100 screen lines, a long row counting as several", () => {
    const rows = Array.from({ length: 150 }, (_, i) => (i === 140 ? "x".repeat(400) : `r${i}`));
    const lines = parseLog(`${rows.join("\n")}\n${csi("999A")}\rX\n`);
    expect(lines).toHaveLength(150);
    // Rows 141–149 take nine screen lines and row 140 three, so the window's top is 88 rows higher: row 52.
    expect(lines.slice(51, 53).map((l) => l.text)).toEqual(["r51", "X52"]);
  });

  test("a cursor-down stopped by the window counts as reaching the window's top, so no chunk starts inside it", () => {
    // A parse starting inside the window would not know how far down the cursor may go.
    const parser = createLogParser();
    parser.push(Array.from({ length: 150 }, (_, i) => `r${i}\n`).join(""));
    expect(parser.lowestRowTouched).toBe(150);
    parser.push(csi("B"));
    expect(parser.lowestRowTouched).toBe(50);
  });

  test("rowCount counts rows created, not rows the cursor merely visits", () => {
    const parser = createLogParser();
    expect(parser.rowCount).toBe(0);
    expect(parser.lowestRowTouched).toBe(0);
    parser.push("a\nb\n");
    expect(parser.rowCount).toBe(2);
    parser.push("c");
    expect(parser.rowCount).toBe(3);
    parser.push(`${csi("2A")}\n\n`);
    expect(parser.rowCount).toBe(3);
  });

  test("lowestRowTouched is rowCount when the push stays on its row and below", () => {
    const parser = createLogParser();
    parser.push("a\nb\nc\n");
    expect(parser.lowestRowTouched).toBe(3);
    parser.push("partial");
    expect(parser.lowestRowTouched).toBe(4);
    parser.push(" more\nnext\n");
    expect(parser.lowestRowTouched).toBe(5);
  });

  test("lowestRowTouched is the highest row the cursor reached in the push", () => {
    const parser = createLogParser();
    parser.push("0\n1\n2\n3\n");
    parser.push(`x${csi("3A")}y${csi("3B")}\n`);
    expect(parser.lowestRowTouched).toBe(1);
    parser.push(`z${csi("9A")}${csi("5B")}`);
    expect(parser.lowestRowTouched).toBe(0);
    parser.push("\n");
    expect(parser.lowestRowTouched).toBe(6);
  });

  test("a push starting above the bottom row counts that row even if it does not move up", () => {
    const parser = createLogParser();
    parser.push(`0\n1\n2\n${csi("2A")}`);
    expect(parser.lowestRowTouched).toBe(1);
    parser.push("X");
    expect(parser.lowestRowTouched).toBe(1);
  });

  test("erasing the screen touches its top row", () => {
    const parser = createLogParser();
    parser.push("0\n1\n2\n");
    parser.push(csi("2J"));
    expect(parser.lowestRowTouched).toBe(0);
  });
});
