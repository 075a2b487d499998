import type { Colour, LogLine, LogParser, Span, TextStyle } from "./types";

// A streaming terminal emulator for Buildkite job logs
// (https://buildkite.com/docs/pipelines/configure/managing-log-output). Written by hand
// because no npm library resolves `\r` overwrites and cursor movement into rows, understands Buildkite's APC
// timestamps, and keeps up with a 100 MB log (tests/perf/log-parser.ts measures it against ansi_up, anser
// and ansi-to-html). Runs in the browser and on the server, so it uses nothing from Node.
//
// Shape of the work: plain runs between control bytes are found with a regex scan and written with one
// `slice`; rows are lists of styled segments, not cells, so appending (the common case) is a string concat
// and only real overwrites split segments. Styles are frozen objects, interned so spans share them.
//
// Where this differs from a real terminal it does so on purpose, to show what buildkite.com shows: it follows
// Buildkite's renderer (terminal-to-html), whose screen is COLUMNS wide and WINDOW_LINES tall.
// - A column is a character (a code point), not its display width: wide characters and emoji take one.
// - The screen scrolls with the log: cursor movement reaches only the last WINDOW_LINES screen lines written
//   (the first ones, while there are fewer), and `J2` blanks just those, keeping the rows and their numbers.
//   Cursor-down stops at the window's bottom line: once the log fills the window, the fresh line a newline
//   left the cursor on. (Buildkite's renderer stops on the last line written, one higher, which garbles
//   every `docker pull` redraw past a log's 100th line; here such output stays readable.)
// - `H` ignores its row: it moves on to a new line when the cursor's line has text, then to its column (see
//   `cursorPosition`). `f`, which a terminal reads as `H`, is `F` there.
// - A row longer than COLUMNS wraps onto more screen lines, which cursor-up and -down count; `\r` and `\b`
//   stay on the cursor's screen line, and no column move goes past its last column. The wrap exists only for
//   the cursor: a row is still one log line however many screen lines it takes, so line numbers, `#L120`
//   anchors and search counts do not depend on it, and the viewer wraps with CSS at whatever width it has.
//   So two things differ from Buildkite's rendering: erasing part of a wrapped row's screen line blanks it
//   (there the rest of the row closes up, and erasing a whole screen line splits the row in two), and text
//   written past the last column of a row above the bottom lengthens that row (there it runs on into the
//   next row).

/**
 * Rows kept before they are returned from `push` as final: more than the cursor can reach, since `ESC 8` and
 * `J3` reach further than the window.
 */
export const HELD_ROWS = 500;
/** Longest OSC/APC/DCS kept whole; a longer one (e.g. an inline image) is skipped to its terminator unread. */
export const MAX_STRING_SEQUENCE = 4096;
/** Longest CSI; a longer one is malformed, so only its ESC is dropped. */
const MAX_CSI = 256;
const MAX_PARAMS = 32;
/** Width of the terminal Buildkite renders on (and of the agent's PTY). */
export const COLUMNS = 160;
/** Height of that terminal: cursor movement stays within this many screen lines. */
export const WINDOW_LINES = 100;

// Scanning with these (global, so `lastIndex` starts the search) is several times faster than a charCodeAt
// loop over the 64 KiB pieces a log arrives in. The parser is synchronous, so sharing them is safe.
// The first also stops at the first half of a surrogate pair, so a plain run's length is its width in columns.
const CONTROL_BYTE = /[\x00-\x1f\x7f\ud800-\udbff]/g;
// The second finds the two bytes that can end an OSC/APC.
const STRING_END = /[\x07\x1b]/g;

/**
 * Where the APC body starting at `from` ends: found directly for the `bk;t=<digits>` every line starts with
 * (the terminator follows the digits), else by the general search.
 */
function timestampEnd(s: string, from: number): number {
  if (s.startsWith("bk;t=", from)) {
    let k = from + 5;
    while (k < s.length) {
      const c = s.charCodeAt(k);
      if (c === BEL || c === ESC) return k;
      if (c < 0x30 || c > 0x39) break;
      k++;
    }
  }
  return findFrom(STRING_END, s, from);
}

/** Index of the first match of `pattern` at or after `from`, or `s.length`. */
function findFrom(pattern: RegExp, s: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(s) ? pattern.lastIndex - 1 : s.length;
}

const ESC = 0x1b;
const BEL = 0x07;

const BOLD = 1;
const FAINT = 2;
const ITALIC = 4;
const UNDERLINE = 8;
const BLINK = 16;
const STRIKE = 32;
const INVERSE = 64;

/**
 * A run of one style in a row, already shaped as the `Span` it becomes (no `style`/`link` keys when absent),
 * so finished rows hand their segments out without copying.
 */
type Segment = Span;

function makeSegment(text: string, style: TextStyle | undefined, link: string | undefined): Segment {
  if (style) return link === undefined ? { text, style } : { text, style, link };
  return link === undefined ? { text } : { text, link };
}

interface Row {
  segments: Segment[];
  /** Columns used: the segments' characters (code points) summed. */
  width: number;
  /**
   * Screen lines the row has taken at COLUMNS wide. Erasing text does not give one back, as in Buildkite's
   * renderer, where a line once made stays on the screen.
   */
  lines: number;
  /** The text holds surrogate pairs, so a column is not a UTF-16 index and slicing must count characters. */
  astral: boolean;
  time: number | null;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** Characters (code points) in `text`; a lone surrogate counts as one. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if (isSurrogatePair(text, i)) {
      count--;
      i++;
    }
  }
  return count;
}

/** Columns `text` takes in a row: its length unless the row holds surrogate pairs. */
function columns(text: string, astral: boolean): number {
  return astral ? codePoints(text) : text.length;
}

/** The UTF-16 index where column `col` of `text` starts. */
function indexOfColumn(text: string, col: number, astral: boolean): number {
  if (!astral) return col;
  let index = 0;
  for (let k = 0; k < col && index < text.length; k++) index += isSurrogatePair(text, index) ? 2 : 1;
  return index;
}

const PALETTE: readonly Colour[] = Array.from({ length: 256 }, (_, index) =>
  Object.freeze({ kind: "palette" as const, index }),
);

const SAFE_LINK = /^(?:https?:|mailto:|artifact:\/\/)/i;

/** The href if its scheme is one a log may link to (http, https, mailto, artifact://); otherwise undefined. */
export function safeHref(url: string): string | undefined {
  const href = url.trim();
  for (let i = 0; i < href.length; i++) {
    const c = href.charCodeAt(i);
    // Control characters and spaces can hide a scheme from a naive check ("java\tscript:").
    if (c <= 0x20 || c === 0x7f) return undefined;
  }
  return SAFE_LINK.test(href) ? href : undefined;
}

function coloursEqual(a: Colour | undefined, b: Colour | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === "palette") return a.index === (b as typeof a).index;
  const c = b as typeof a;
  return a.r === c.r && a.g === c.g && a.b === c.b;
}

/** Structural equality of two styles (interned styles are usually the same object already). */
export function stylesEqual(a: TextStyle | undefined, b: TextStyle | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    !!a.bold === !!b.bold &&
    !!a.faint === !!b.faint &&
    !!a.italic === !!b.italic &&
    !!a.underline === !!b.underline &&
    !!a.blink === !!b.blink &&
    !!a.strike === !!b.strike &&
    !!a.inverse === !!b.inverse &&
    coloursEqual(a.fg, b.fg) &&
    coloursEqual(a.bg, b.bg)
  );
}

// Styles made only of attributes and palette colours are interned by a numeric key, so equal styles are one
// object (merging compares identity; little garbage). Truecolour styles could be endless, so each is built
// fresh and equality falls back to comparing structure.
const styleTable = new Map<number, TextStyle>();
const STYLE_TABLE_LIMIT = 4096;

function buildStyle(flags: number, fg: Colour | undefined, bg: Colour | undefined): TextStyle {
  const style: TextStyle = {};
  if (fg) style.fg = fg;
  if (bg) style.bg = bg;
  if (flags & BOLD) style.bold = true;
  if (flags & FAINT) style.faint = true;
  if (flags & ITALIC) style.italic = true;
  if (flags & UNDERLINE) style.underline = true;
  if (flags & BLINK) style.blink = true;
  if (flags & STRIKE) style.strike = true;
  if (flags & INVERSE) style.inverse = true;
  return Object.freeze(style);
}

function internStyle(flags: number, fg: Colour | undefined, bg: Colour | undefined): TextStyle | undefined {
  if (flags === 0 && !fg && !bg) return undefined;
  if (fg?.kind === "rgb" || bg?.kind === "rgb") return buildStyle(flags, fg, bg);
  // flags: 7 bits; each colour: 0 for none, else palette index + 1 (9 bits).
  const key = flags + (fg ? fg.index + 1 : 0) * 128 + (bg ? bg.index + 1 : 0) * 65536;
  let style = styleTable.get(key);
  if (!style) {
    style = buildStyle(flags, fg, bg);
    // Real logs use a few dozen styles; a hostile one could cycle through millions, so the table stays small.
    if (styleTable.size >= STYLE_TABLE_LIMIT) styleTable.clear();
    styleTable.set(key, style);
  }
  return style;
}

function isControl(c: number): boolean {
  return c < 0x20 || c === 0x7f;
}

function stripControls(text: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** `key=value` pairs separated by `;` (a pair without `=` is skipped). */
function keyValues(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) pairs.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return pairs;
}

function toLogLine(row: Row): LogLine {
  const segments = row.segments;
  // Most rows need no tidying (overwrites can leave empty or equal neighbours): hand the segments out as they are.
  let tidy = true;
  for (let i = 0; i < segments.length; i++) {
    const current = segments[i]!;
    const before = i > 0 ? segments[i - 1] : undefined;
    if (
      current.text.length === 0 ||
      (before && before.link === current.link && stylesEqual(before.style, current.style))
    ) {
      tidy = false;
      break;
    }
  }
  let spans = segments;
  if (!tidy) {
    spans = [];
    let last: Span | undefined;
    for (const current of segments) {
      if (current.text.length === 0) continue;
      if (last && last.link === current.link && stylesEqual(last.style, current.style)) last.text += current.text;
      else spans.push((last = current));
    }
  }
  const text = spans.length === 1 ? spans[0]!.text : spans.map((span) => span.text).join("");
  return { spans, text, time: row.time };
}

class TerminalParser implements LogParser {
  /** Rows not yet returned; `held[0]` is row number `heldStart`. */
  private held: Row[] = [];
  private heldStart = 0;
  private rows = 0;
  /** The lowest row on screen, reached by a newline or written to; it may not exist yet (nothing written). */
  private bottom = 0;
  /** Screen lines written, counted up to WINDOW_LINES: until then the window is the log's first lines. */
  private lineCount = 0;
  private cursorRow = 0;
  /** The cursor's column in its row: screen line `cursorLine()` of the row, column `cursorX()` on it. */
  private cursorCol = 0;
  /**
   * Text just filled the cursor's screen line to its last column: the cursor is still on that line (past its
   * end), and only the next character written wraps to the next line.
   */
  private wrapPending = false;
  private savedRow = 0;
  private savedCol = 0;
  private savedWrap = false;

  private flags = 0;
  private fg: Colour | undefined;
  private bg: Colour | undefined;
  private style: TextStyle | undefined;
  private styleStale = false;
  private link: string | undefined;

  private lastTime: number | null = null;
  /** An escape sequence cut off at the end of the last piece, waiting for the rest. */
  private pending = "";
  /** Inside an over-long string sequence: bytes are dropped up to its terminator. */
  private skipping = false;

  /** The lowest row above the bottom that the cursor was put on during this push (Infinity: none). */
  private lowest = Infinity;
  private lowestTouched = 0;
  private readonly params: number[] = [];

  get rowCount(): number {
    return this.rows;
  }

  /**
   * As in types.ts, made safe for one case the short description misses: rows above the bottom reached in
   * this push count even when the cursor had first moved down within it, and so does the cursor's own row
   * when a push starts above the bottom (an earlier push moved it up), since writing there changes that row.
   * A cursor-down that the window stopped counts as reaching the window's top (see `moveLines`).
   */
  get lowestRowTouched(): number {
    return this.lowestTouched;
  }

  push(chunk: string): LogLine[] {
    // A push that starts with the cursor above the bottom row may write there without moving at all.
    this.lowest = this.cursorRow < this.bottom ? this.cursorRow : Infinity;
    const input = this.pending ? this.pending + chunk : chunk;
    this.pending = "";
    const stop = this.parse(input);
    if (stop < input.length) this.pending = input.slice(stop);
    this.lowestTouched = this.lowest === Infinity ? this.rows : this.lowest;
    const out: LogLine[] = [];
    this.release(this.top(), out);
    return out;
  }

  peekHeld(): { start: number; rows: LogLine[] } {
    return { start: this.heldStart, rows: this.held.map(toLogLine) };
  }

  end(): LogLine[] {
    // A sequence still cut off has no end to wait for: it is dropped.
    this.pending = "";
    this.skipping = false;
    const out: LogLine[] = [];
    this.release(this.rows, out);
    return out;
  }

  private top(): number {
    return this.bottom >= HELD_ROWS ? this.bottom - HELD_ROWS + 1 : 0;
  }

  /** Returns rows below `upTo` (they can no longer change) and forgets them. */
  private release(upTo: number, out: LogLine[]): void {
    const count = Math.min(upTo, this.rows) - this.heldStart;
    if (count <= 0) return;
    for (let i = 0; i < count; i++) out.push(toLogLine(this.held[i]!));
    this.held.splice(0, count);
    this.heldStart += count;
  }

  /** The row under the cursor, created (with any rows above it) if the cursor is below the last row. */
  private currentRow(): Row {
    if (this.cursorRow >= this.rows) this.addRows();
    return this.held[this.cursorRow - this.heldStart]!;
  }

  private addRows(): void {
    while (this.rows <= this.cursorRow) {
      this.held.push({ segments: [], width: 0, lines: 1, astral: false, time: null });
      this.rows++;
      this.countLines(1);
    }
    // Cursor-down can go below the bottom while the window is not full; the rows written there are on screen.
    if (this.bottom < this.cursorRow) this.bottom = this.cursorRow;
  }

  private countLines(added: number): void {
    if (this.lineCount < WINDOW_LINES) this.lineCount = Math.min(WINDOW_LINES, this.lineCount + added);
  }

  private existingRow(index: number): Row | undefined {
    return index < this.rows && index >= this.heldStart ? this.held[index - this.heldStart] : undefined;
  }

  private linesOf(index: number): number {
    return this.existingRow(index)?.lines ?? 1;
  }

  /** The cursor's screen line within its row. */
  private cursorLine(): number {
    const col = this.cursorCol;
    return col < COLUMNS ? 0 : Math.floor((this.wrapPending ? col - 1 : col) / COLUMNS);
  }

  private lineStart(): number {
    return this.cursorLine() * COLUMNS;
  }

  /** The cursor's column on its screen line: 0 to COLUMNS (just past the end, when a wrap is pending). */
  private cursorX(): number {
    return this.cursorCol - this.lineStart();
  }

  /** Puts the cursor at column `x` of its screen line; as in Buildkite's renderer no move goes past the last. */
  private moveToColumn(x: number): void {
    this.cursorCol = this.lineStart() + (x < 0 ? 0 : x < COLUMNS ? x : COLUMNS - 1);
    this.wrapPending = false;
  }

  /** Screen lines written below the cursor's; negative when the cursor is below the last one (-1: just below). */
  private linesBelow(): number {
    if (this.cursorRow >= this.rows) return this.rows - 1 - this.cursorRow;
    let count = this.linesOf(this.cursorRow) - 1 - this.cursorLine();
    for (let r = this.cursorRow + 1; r < this.rows && count < WINDOW_LINES; r++) count += this.linesOf(r);
    return count;
  }

  /** Where the window starts: its first row, and the column of that row its first screen line starts at. */
  private windowTop(): { row: number; col: number } {
    let remaining = WINDOW_LINES;
    for (let r = this.rows - 1; r >= this.heldStart; r--) {
      const lines = this.linesOf(r);
      if (lines >= remaining) return { row: r, col: (lines - remaining) * COLUMNS };
      remaining -= lines;
    }
    return { row: this.heldStart, col: 0 };
  }

  /**
   * Moves the cursor `delta` screen lines (up when negative) to column `x` of the line it lands on, staying in
   * the window: up to its top, down to its bottom line. Once the window is full, that is the fresh line a
   * newline left the cursor on. Buildkite's renderer stops one line higher, on the last line written, which
   * puts every later redraw of a `docker pull` past its 100th line one line too high; we keep such output
   * readable instead.
   */
  private moveLines(delta: number, x: number): void {
    const below = this.linesBelow();
    let steps = delta;
    if (delta < 0) {
      steps = Math.min(0, Math.max(delta, below + 1 - WINDOW_LINES));
    } else {
      const room = below + Math.max(1, WINDOW_LINES - this.lineCount);
      if (delta > room) {
        steps = room;
        // Where the window stopped the cursor depends on where the window is, which a parse starting at a
        // later row would not know: no chunk may start inside it.
        this.touch(this.windowTop().row);
      }
    }
    const top = this.top();
    let row = this.cursorRow;
    let line = this.cursorLine();
    for (; steps < 0; steps++) {
      if (line > 0) line--;
      else if (row > top) line = this.linesOf(--row) - 1;
      else break;
    }
    for (; steps > 0; steps--) {
      if (line < this.linesOf(row) - 1) {
        line++;
      } else {
        row++;
        line = 0;
      }
    }
    this.cursorRow = row;
    this.cursorCol = line * COLUMNS + x;
    this.wrapPending = x >= COLUMNS;
    this.touch(row);
  }

  /** `ESC 8`: back to where `ESC 7` was, or onto the first row held if that row was returned since. */
  private restoreCursor(): void {
    const top = this.top();
    this.cursorRow = this.savedRow < top ? top : this.savedRow;
    this.cursorCol = this.savedCol;
    this.wrapPending = this.savedWrap;
    this.touch(this.cursorRow);
  }

  /**
   * `H`: Buildkite's renderer cannot tell which row a program meant (agents have run with different terminal
   * heights), so it reads the sequence as a newline, taken only when the cursor's line has text and carrying
   * that line's time to the next, followed by a move to the column.
   */
  private cursorPosition(x: number): void {
    const row = this.existingRow(this.cursorRow);
    if (row && row.width > this.lineStart()) {
      this.nextLine();
      if (row.time !== null) this.currentRow().time = row.time;
    }
    this.moveToColumn(x);
  }

  /** Notes that this push reached `row`; only rows above the bottom matter to where a chunk may start. */
  private touch(row: number): void {
    if (row < this.bottom && row < this.lowest) this.lowest = row;
  }

  /** Moves to the start of the next screen line: the rest of a wrapped row, else the row below. */
  private nextLine(): void {
    const atBottom = this.cursorRow >= this.bottom;
    const row = atBottom ? this.currentRow() : this.existingRow(this.cursorRow);
    // Checked in this order since most rows take one screen line.
    if (row !== undefined && row.lines > 1 && this.cursorLine() < row.lines - 1) {
      this.cursorCol = (this.cursorLine() + 1) * COLUMNS;
    } else {
      if (atBottom) this.bottom = this.cursorRow + 1;
      this.cursorRow++;
      this.cursorCol = 0;
    }
    this.wrapPending = false;
  }

  private currentStyle(): TextStyle | undefined {
    if (this.styleStale) {
      this.style = internStyle(this.flags, this.fg, this.bg);
      this.styleStale = false;
    }
    return this.style;
  }

  /** Writes `text`, `width` characters wide, at the cursor; `text` holds no surrogate pair (see `writeChars`). */
  private write(text: string, width: number, link: string | undefined = this.link): void {
    if (width === 0) return;
    const row = this.currentRow();
    const style = this.currentStyle();
    const col = this.cursorCol;
    if (col >= row.width) {
      if (col > row.width) appendSegment(row, " ".repeat(col - row.width), col - row.width, undefined, undefined);
      appendSegment(row, text, width, style, link);
    } else {
      overwrite(row, col, text, width, style, link);
    }
    this.cursorCol = col + width;
    this.wrapPending = true;
    if (row.width > row.lines * COLUMNS) this.wrap(row);
  }

  /** Writes text that may hold surrogate pairs (each one column). */
  private writeChars(text: string, link: string | undefined = this.link): void {
    const width = codePoints(text);
    // Marked before writing, so the write itself slices the row by characters.
    if (width < text.length) this.currentRow().astral = true;
    this.write(text, width, link);
  }

  /** Text ran past the row's last screen line: it takes more. */
  private wrap(row: Row): void {
    const lines = Math.ceil(row.width / COLUMNS);
    this.countLines(lines - row.lines);
    row.lines = lines;
  }

  /** Parses `s` from the start; returns where an unfinished escape sequence begins (or `s.length`). */
  private parse(s: string): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.skipping) {
        const k = findFrom(STRING_END, s, i);
        if (k >= n) return n;
        if (s.charCodeAt(k) === BEL) {
          this.skipping = false;
          i = k + 1;
          continue;
        }
        if (k + 1 >= n) return k;
        this.skipping = false;
        // `ESC \` ends the sequence; any other escape aborts it and is read as itself.
        i = s.charCodeAt(k + 1) === 0x5c ? k + 2 : k;
        continue;
      }
      // Lines usually start with an escape (the timestamp): no need to search for it.
      const head = s.charCodeAt(i);
      const j = head < 0x20 || head === 0x7f ? i : findFrom(CONTROL_BYTE, s, i);
      if (j > i) this.write(s.slice(i, j), j - i);
      if (j >= n) return n;
      const c = s.charCodeAt(j);
      if (c >= 0xd800) {
        // A character outside the BMP (most emoji) is one column, like any other.
        if (j + 1 >= n) return j; // its second half is in the next piece
        const end = isSurrogatePair(s, j) ? j + 2 : j + 1;
        this.writeChars(s.slice(j, end));
        i = end;
      } else if (c === 0x0a) {
        this.nextLine();
        i = j + 1;
      } else if (c === 0x0d) {
        // `\r\n` and `\r\r\n` end a line without overwriting: the `\n` moves on before anything is written.
        this.moveToColumn(0);
        i = j + 1;
      } else if (c === ESC) {
        const next = this.escape(s, j);
        if (next < 0) return j;
        i = next;
      } else if (c === 0x08) {
        const x = this.cursorX();
        if (x > 0) this.moveToColumn(x - 1);
        i = j + 1;
      } else if (c === 0x09) {
        // Moves to the next tab stop; the gap is filled with spaces only if text follows.
        this.moveToColumn((Math.floor(this.cursorX() / 8) + 1) * 8);
        i = j + 1;
      } else {
        // BEL, NUL and other controls have no visible effect.
        i = j + 1;
      }
    }
    return n;
  }

  /** Handles the escape sequence at `s[j]`; returns the index after it, or -1 if the input ends inside it. */
  private escape(s: string, j: number): number {
    const n = s.length;
    if (j + 1 >= n) return -1;
    const kind = s.charCodeAt(j + 1);
    switch (kind) {
      case 0x5b: // [ CSI
        return this.csi(s, j);
      case 0x5d: // ] OSC
      case 0x5f: // _ APC
      case 0x50: // P DCS
      case 0x5e: // ^ PM
      case 0x58: // X SOS
        return this.stringSequence(s, j, kind);
      case 0x28: // ( ) * + - . /  charset selection: swallowed with its one-byte argument
      case 0x29:
      case 0x2a:
      case 0x2b:
      case 0x2d:
      case 0x2e:
      case 0x2f:
        return j + 2 >= n ? -1 : j + 3;
      case 0x37: // 7 save cursor
        this.savedRow = this.cursorRow;
        this.savedCol = this.cursorCol;
        this.savedWrap = this.wrapPending;
        return j + 2;
      case 0x38: // 8 restore cursor
        this.restoreCursor();
        return j + 2;
      case 0x4d: // M reverse index: up one screen line, keeping the column
        this.moveLines(-1, this.cursorX());
        return j + 2;
      case 0x3d: // = and > keypad modes, c reset, \ a stray string terminator: no visible effect
      case 0x3e:
      case 0x63:
      case 0x5c:
        return j + 2;
      default:
        // Unknown: only the ESC byte is dropped.
        return j + 1;
    }
  }

  private csi(s: string, j: number): number {
    const n = s.length;
    const limit = j + MAX_CSI;
    let k = j + 2;
    while (k < n && k < limit) {
      const c = s.charCodeAt(k);
      if (c >= 0x40 && c <= 0x7e) break;
      if (c < 0x20 || c > 0x7e) return j + 1; // not a CSI after all: drop the ESC only
      k++;
    }
    if (k >= limit) return j + 1;
    if (k >= n) return -1;
    const final = s.charCodeAt(k);
    const first = s.charCodeAt(j + 2);
    // `?`, `<`, `=`, `>` private modes and sequences with intermediate bytes change nothing we draw.
    if (k > j + 2 && first >= 0x3c && first <= 0x3f) return k + 1;
    const count = this.readParams(s, j + 2, k);
    if (count < 0) return k + 1;
    this.csiDispatch(final, count);
    return k + 1;
  }

  /** Reads `;`-separated decimal parameters into `this.params`; -1 if other bytes appear (ignored sequence). */
  private readParams(s: string, from: number, to: number): number {
    const params = this.params;
    let count = 0;
    let value = 0;
    let any = false;
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x30 && c <= 0x39) {
        if (value < 1e9) value = value * 10 + (c - 0x30);
        any = true;
      } else if (c === 0x3b) {
        if (count < MAX_PARAMS) params[count++] = value;
        value = 0;
        any = true;
      } else {
        return -1;
      }
    }
    if (any && count < MAX_PARAMS) params[count++] = value;
    return count;
  }

  private csiDispatch(final: number, count: number): void {
    const p = this.params;
    const first = count > 0 ? p[0]! : 0;
    // A missing count is 1, but as in Buildkite's renderer an explicit 0 moves nothing (a terminal moves 1).
    const n = count > 0 ? first : 1;
    switch (final) {
      case 0x6d: // m
        this.sgr(count);
        return;
      case 0x41: // A up (a cursor just past the end of a full screen line comes back onto its last column)
        this.moveLines(-n, Math.min(this.cursorX(), COLUMNS - 1));
        return;
      case 0x42: // B down (likewise)
        this.moveLines(n, Math.min(this.cursorX(), COLUMNS - 1));
        return;
      case 0x43: // C forward
        this.moveToColumn(this.cursorX() + n);
        return;
      case 0x44: // D back
        this.moveToColumn(this.cursorX() - n);
        return;
      case 0x45: // E next line
        this.moveLines(n, 0);
        return;
      case 0x46: // F previous line; f too, as Buildkite's renderer reads a final byte in either case as capital
      case 0x66:
        this.moveLines(-n, 0);
        return;
      case 0x47: // G column
        this.moveToColumn(n - 1);
        return;
      case 0x48: // H position (row;col): the row is ignored
        this.cursorPosition(count > 1 ? p[1]! - 1 : 0);
        return;
      case 0x4a: // J erase in display
        this.eraseDisplay(first);
        return;
      case 0x4b: // K erase in line
        this.eraseLine(first);
        return;
      default:
        return;
    }
  }

  /** Erases on the cursor's screen line only: from the cursor (0), up to it (1), or all of it (2). */
  private eraseLine(mode: number): void {
    const row = this.existingRow(this.cursorRow);
    if (!row || mode > 2) return;
    const start = this.lineStart();
    erase(row, mode === 0 ? this.cursorCol : start, mode === 1 ? this.throughCursor() : start + COLUMNS);
  }

  /** The end of an erase up to the cursor, inclusive (a cursor past the end of its line erases none beyond). */
  private throughCursor(): number {
    return Math.min(this.cursorCol + 1, this.lineStart() + COLUMNS);
  }

  private eraseDisplay(mode: number): void {
    const row = this.existingRow(this.cursorRow);
    if (mode === 0) {
      // From the cursor on: the rest of its row, wrapped lines included, and every row below.
      if (row) truncate(row, this.cursorCol);
      for (let r = this.cursorRow + 1; r < this.rows; r++) clearRow(this.existingRow(r)!);
    } else if (mode === 1 || mode === 2) {
      // The window's lines above the cursor (1) or all of them (2); a row reaching above the window keeps its
      // lines there.
      const top = this.windowTop();
      const end = mode === 1 ? Math.min(this.cursorRow, this.rows) : this.rows;
      for (let r = top.row; r < end; r++) truncate(this.existingRow(r)!, r === top.row ? top.col : 0);
      if (mode === 1 && row) erase(row, this.cursorRow === top.row ? top.col : 0, this.throughCursor());
      this.touch(top.row);
    } else if (mode === 3) {
      // Buildkite's renderer blanks its whole buffer; ours is the held rows (those returned are final).
      const top = this.top();
      for (let r = top; r < this.rows; r++) clearRow(this.existingRow(r)!);
      this.touch(top);
    }
  }

  private setFlag(flag: number, on: boolean): void {
    this.flags = on ? this.flags | flag : this.flags & ~flag;
  }

  /** Where `extendedColour` stopped reading parameters. */
  private extendedNext = 0;

  /** An extended colour (`38;5;n` or `38;2;r;g;b`) whose mode (5 or 2) is params[i]; sets `extendedNext`. */
  private extendedColour(i: number, count: number): Colour | undefined {
    const p = this.params;
    this.extendedNext = count;
    if (i >= count) return undefined;
    const mode = p[i]!;
    if (mode === 5) {
      if (i + 1 >= count) return undefined;
      const index = p[i + 1]!;
      this.extendedNext = i + 2;
      return index <= 255 ? PALETTE[index] : undefined;
    }
    if (mode === 2) {
      if (i + 3 >= count) return undefined;
      const r = p[i + 1]!;
      const g = p[i + 2]!;
      const b = p[i + 3]!;
      this.extendedNext = i + 4;
      return r <= 255 && g <= 255 && b <= 255 ? { kind: "rgb", r, g, b } : undefined;
    }
    // An unknown colour space: what follows cannot be read reliably.
    return undefined;
  }

  private sgr(count: number): void {
    const p = this.params;
    this.styleStale = true;
    if (count === 0) {
      this.reset();
      return;
    }
    let i = 0;
    while (i < count) {
      const code = p[i++]!;
      if (code === 0) this.reset();
      else if (code === 1) this.setFlag(BOLD, true);
      else if (code === 2) this.setFlag(FAINT, true);
      else if (code === 3) this.setFlag(ITALIC, true);
      else if (code === 4) this.setFlag(UNDERLINE, true);
      else if (code === 5 || code === 6) this.setFlag(BLINK, true);
      else if (code === 7) this.setFlag(INVERSE, true);
      else if (code === 9) this.setFlag(STRIKE, true);
      else if (code === 21) this.setFlag(BOLD, false);
      else if (code === 22) this.setFlag(BOLD | FAINT, false);
      else if (code === 23) this.setFlag(ITALIC, false);
      else if (code === 24) this.setFlag(UNDERLINE, false);
      else if (code === 25) this.setFlag(BLINK, false);
      else if (code === 27) this.setFlag(INVERSE, false);
      else if (code === 29) this.setFlag(STRIKE, false);
      else if (code >= 30 && code <= 37) this.fg = PALETTE[code - 30];
      else if (code >= 90 && code <= 97) this.fg = PALETTE[code - 90 + 8];
      else if (code >= 40 && code <= 47) this.bg = PALETTE[code - 40];
      else if (code >= 100 && code <= 107) this.bg = PALETTE[code - 100 + 8];
      else if (code === 39) this.fg = undefined;
      else if (code === 49) this.bg = undefined;
      else if (code === 38 || code === 48) {
        const colour = this.extendedColour(i, count);
        if (colour) {
          if (code === 38) this.fg = colour;
          else this.bg = colour;
        }
        i = this.extendedNext;
      }
      // 8 (conceal), 26, 28 and anything else: nothing to draw differently.
    }
  }

  private reset(): void {
    this.flags = 0;
    this.fg = undefined;
    this.bg = undefined;
  }

  /** OSC, APC, DCS, PM or SOS at `s[j]`: read to BEL or `ESC \`. Returns the index after it, or -1 if cut off. */
  private stringSequence(s: string, j: number, kind: number): number {
    const n = s.length;
    const limit = j + MAX_STRING_SEQUENCE;
    const bodyStart = j + 2;
    const k = kind === 0x5f ? timestampEnd(s, bodyStart) : findFrom(STRING_END, s, bodyStart);
    if (k >= limit || (k >= n && n >= limit)) {
      // Too long to be anything we show (inline images): dropped unread up to its terminator.
      this.skipping = true;
      return limit;
    }
    if (k >= n) return -1;
    if (s.charCodeAt(k) === BEL) {
      this.stringBody(kind, s, bodyStart, k);
      return k + 1;
    }
    if (k + 1 >= n) return -1;
    if (s.charCodeAt(k + 1) === 0x5c) {
      this.stringBody(kind, s, bodyStart, k);
      return k + 2;
    }
    // Another escape before the terminator: this sequence is abandoned and the new one read.
    return k;
  }

  private stringBody(kind: number, s: string, from: number, to: number): void {
    if (kind === 0x5f) this.apc(s, from, to);
    else if (kind === 0x5d) this.osc(s.slice(from, to));
  }

  /** `bk;t=…;dt=…;other=…` read in place (one per log line, so no slicing or splitting). */
  private apc(s: string, from: number, to: number): void {
    if (
      to - from < 3 ||
      s.charCodeAt(from) !== 0x62 ||
      s.charCodeAt(from + 1) !== 0x6b ||
      s.charCodeAt(from + 2) !== 0x3b
    )
      return;
    let time: number | null = null;
    let k = from + 3;
    while (k < to) {
      let end = k;
      while (end < to && s.charCodeAt(end) !== 0x3b) end++;
      let valueStart = -1;
      let delta = false;
      if (s.charCodeAt(k) === 0x74 && s.charCodeAt(k + 1) === 0x3d) {
        valueStart = k + 2; // t=
      } else if (s.charCodeAt(k) === 0x64 && s.charCodeAt(k + 1) === 0x74 && s.charCodeAt(k + 2) === 0x3d) {
        valueStart = k + 3; // dt=
        delta = true;
      }
      if (valueStart >= 0 && valueStart <= end) {
        const value = readInteger(s, valueStart, end);
        if (!Number.isNaN(value)) {
          if (!delta) {
            time = value;
            this.lastTime = time;
          } else if (this.lastTime !== null) {
            // dt counts from the previous timestamp; without one there is nothing to count from.
            time = this.lastTime + value;
            this.lastTime = time;
          }
        }
      }
      k = end + 1;
    }
    if (time !== null) this.currentRow().time = time;
  }

  private osc(body: string): void {
    const semicolon = body.indexOf(";");
    const command = semicolon < 0 ? body : body.slice(0, semicolon);
    const rest = semicolon < 0 ? "" : body.slice(semicolon + 1);
    if (command === "8") {
      // 8;params;url — an empty url ends the link; an unsafe one keeps its text but links nowhere.
      const split = rest.indexOf(";");
      if (split < 0) return;
      const url = rest.slice(split + 1);
      this.link = url === "" ? undefined : safeHref(url);
    } else if (command === "1339") {
      const pairs = keyValues(rest);
      const url = pairs.get("url") ?? "";
      const text = stripControls(pairs.get("content") ?? url);
      this.writeChars(text, url === "" ? this.link : safeHref(url));
    } else if (command === "1338") {
      // An image: its alt text stands in for it.
      this.writeChars(stripControls(keyValues(rest).get("alt") ?? ""));
    }
    // 1337 (inline file), window titles and the rest draw nothing.
  }
}

/** A decimal integer (optionally negative) filling `s[from…to)`, or NaN. */
function readInteger(s: string, from: number, to: number): number {
  let k = from;
  const negative = k < to && s.charCodeAt(k) === 0x2d;
  if (negative) k++;
  if (k >= to || to - k > 16) return NaN;
  let value = 0;
  for (; k < to; k++) {
    const digit = s.charCodeAt(k) - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

function appendSegment(
  row: Row,
  text: string,
  width: number,
  style: TextStyle | undefined,
  link: string | undefined,
): void {
  const segments = row.segments;
  const last = segments.length > 0 ? segments[segments.length - 1] : undefined;
  if (last && last.style === style && last.link === link) last.text += text;
  else segments.push(makeSegment(text, style, link));
  row.width += width;
}

/**
 * Writes `text` over columns `col…` of a row that already reaches past `col`. The segments before the one
 * holding `col` stay untouched, found by walking back from the end: overwrites land near the end of a row
 * far more often than at its start (a spinner's `\b`, a redrawn percentage), and a hostile line of many
 * tiny segments then costs no more per write than a plain one.
 */
function overwrite(
  row: Row,
  col: number,
  text: string,
  width: number,
  style: TextStyle | undefined,
  link: string | undefined,
): void {
  const segments = row.segments;
  const astral = row.astral;
  const end = col + width;
  let first = segments.length - 1;
  let pos = row.width;
  while (first > 0) {
    pos -= columns(segments[first]!.text, astral);
    if (pos <= col) break;
    first--;
  }
  if (first <= 0) {
    first = 0;
    pos = 0;
  }
  const tail: Segment[] = [];
  let placed = false;
  for (let i = first; i < segments.length; i++) {
    const segment = segments[i]!;
    const segmentEnd = pos + columns(segment.text, astral);
    if (segmentEnd <= col || pos >= end) {
      if (pos >= end && !placed) {
        tail.push(makeSegment(text, style, link));
        placed = true;
      }
      tail.push(segment);
    } else {
      if (pos < col)
        tail.push(
          makeSegment(
            segment.text.slice(0, indexOfColumn(segment.text, col - pos, astral)),
            segment.style,
            segment.link,
          ),
        );
      if (!placed) {
        tail.push(makeSegment(text, style, link));
        placed = true;
      }
      if (segmentEnd > end)
        tail.push(
          makeSegment(segment.text.slice(indexOfColumn(segment.text, end - pos, astral)), segment.style, segment.link),
        );
    }
    pos = segmentEnd;
  }
  if (!placed) tail.push(makeSegment(text, style, link));
  segments.length = first;
  for (const segment of tail) segments.push(segment);
  if (end > row.width) row.width = end;
}

function truncate(row: Row, col: number): void {
  if (col >= row.width) return;
  const out: Segment[] = [];
  let pos = 0;
  for (const segment of row.segments) {
    if (pos >= col) break;
    const segmentEnd = pos + columns(segment.text, row.astral);
    out.push(
      segmentEnd <= col
        ? segment
        : makeSegment(
            segment.text.slice(0, indexOfColumn(segment.text, col - pos, row.astral)),
            segment.style,
            segment.link,
          ),
    );
    pos = segmentEnd;
  }
  row.segments = out;
  row.width = col;
}

/** Erases columns from…to-1: cut off when no text follows them, else blanked, so later text keeps its columns. */
function erase(row: Row, from: number, to: number): void {
  if (to >= row.width) truncate(row, from);
  else if (from < to) overwrite(row, from, " ".repeat(to - from), to - from, undefined, undefined);
}

function clearRow(row: Row): void {
  row.segments = [];
  row.width = 0;
}

/** A new streaming parser for one job log. */
export function createLogParser(): LogParser {
  return new TerminalParser();
}

/** Parses a whole log at once (tests, small logs). */
export function parseLog(raw: string): LogLine[] {
  const parser = createLogParser();
  const lines = parser.push(raw);
  for (const line of parser.end()) lines.push(line);
  return lines;
}
