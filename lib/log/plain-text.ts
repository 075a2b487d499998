import { createLogParser } from "./parser";

/**
 * The contract's "normalized" log: every escape sequence removed (colours, APC timestamps, OSC links),
 * `\r` overwrites, backspaces and cursor movement applied as a terminal would, rows joined by `\n`.
 */
export function toPlainText(raw: string): string {
  const parser = createLogParser();
  const rows: string[] = [];
  for (const line of parser.push(raw)) rows.push(line.text);
  for (const line of parser.end()) rows.push(line.text);
  return rows.join("\n");
}

/** The same, for a log arriving in pieces; `end()` returns the remaining text. Rows end in `\n` except the last. */
export function createPlainTextStream(): { push(chunk: string): string; end(): string } {
  const parser = createLogParser();
  let started = false;
  const join = (texts: string[]) => {
    if (texts.length === 0) return "";
    const out = (started ? "\n" : "") + texts.join("\n");
    started = true;
    return out;
  };
  return {
    push: (chunk) => join(parser.push(chunk).map((line) => line.text)),
    end: () => join(parser.end().map((line) => line.text)),
  };
}
