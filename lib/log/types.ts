// The Buildkite log parser's output (see https://buildkite.com/docs/pipelines/configure/managing-log-output).
// Produced by lib/log/parser.ts and consumed by the log viewer (components/logs) and, for plain text, by the
// server's normalised log.

/** A palette index 0–255 (0–15 are the 16 named colours) or a truecolour value. */
export type Colour = { kind: "palette"; index: number } | { kind: "rgb"; r: number; g: number; b: number };

export interface TextStyle {
  fg?: Colour;
  bg?: Colour;
  bold?: boolean;
  faint?: boolean;
  italic?: boolean;
  underline?: boolean;
  blink?: boolean;
  strike?: boolean;
  inverse?: boolean;
}

export interface Span {
  text: string;
  /** Absent for the default style. */
  style?: TextStyle;
  /** A safe href (http, https, mailto or artifact://); unsafe links never get here. */
  link?: string;
}

export interface LogLine {
  /** Styled runs in order; adjacent runs with the same style and link are merged. */
  spans: Span[];
  /** The visible text: the spans' text joined. */
  text: string;
  /** The line's timestamp (unix ms) from the last `bk;t=` (or `dt=`) seen on it; null without one. */
  time: number | null;
}

export type GroupKind = "collapsed" | "quiet" | "expanded";

export interface LogGroup {
  /** Index (0-based, in the lines given) of the header line. */
  header: number;
  /** Index of the last line that belongs to the group (inclusive). */
  last: number;
  kind: GroupKind;
  /** Whether the group starts open under Buildkite's rules (`+++`, `^^^ +++`, or the last `---` when no `+++`). */
  open: boolean;
  /** The header's title without its `--- ` / `~~~ ` / `+++ ` marker, as spans. */
  title: Span[];
  /** From this header's timestamp to the next header's (or the last line's); null without timestamps. */
  durationMs: number | null;
}

/**
 * A streaming terminal: rows are terminal rows (cursor-up redraws overwrite earlier rows instead of adding
 * new ones), so a row is returned only once no later byte can still change it. The server runs the same
 * parser to number rows and to find places a chunk can start from, so the viewer's line numbers, anchors
 * and search counts agree.
 */
export interface LogParser {
  /** Feeds the next piece of the raw log; escape sequences may be split anywhere across pieces. */
  push(chunk: string): LogLine[];
  /** Ends the input: returns the rows still held (the last one may lack a newline). */
  end(): LogLine[];
  /** Rows created so far, held ones included. */
  readonly rowCount: number;
  /**
   * The rows still held, as they stand now (a later byte may still change them), and the 0-based index
   * of the first; for reading at once, since the next `push` may change them.
   */
  peekHeld(): { start: number; rows: LogLine[] };
  /**
   * The lowest row index (0-based) above the bottom that the cursor was on during the last `push` (the
   * row it started on counts when the push began above the bottom), or `rowCount` when it stayed at the
   * bottom. A chunk may start at a row only if no later push reaches above it.
   */
  readonly lowestRowTouched: number;
}
