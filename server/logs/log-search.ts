import "server-only";
import type { LogMirror } from "./log-mirror";

export const SEARCH_LINE_LIMIT = 1000;

export interface SearchResult {
  count: number;
  lines: number[];
  lineCount: number;
}

/**
 * Counts every occurrence of `query` in the rendered rows of the whole log (what the viewer shows, not
 * the escape sequences), streaming the mirror's row file so memory stays flat whatever the log's size.
 */
export async function searchLog(mirror: LogMirror, query: string, caseSensitive: boolean): Promise<SearchResult> {
  const needle = caseSensitive ? query : query.toLowerCase();
  const lines: number[] = [];
  let count = 0;
  let row = 0;
  const searchRow = (line: string) => {
    row++;
    const haystack = caseSensitive ? line : line.toLowerCase();
    let found = 0;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) found++;
    if (found > 0) {
      count += found;
      if (lines.length < SEARCH_LINE_LIMIT) lines.push(row);
    }
  };
  let carry = "";
  for await (const piece of mirror.rowsStream()) {
    const text = carry + (piece as string);
    let start = 0;
    for (let end = text.indexOf("\n", start); end >= 0; end = text.indexOf("\n", start)) {
      searchRow(text.slice(start, end));
      start = end + 1;
    }
    carry = text.slice(start);
  }
  // A running job's last rows are held back from the file because a redraw may still change them, yet
  // the viewer shows them as they stand; search them as they stand too. Only rows past the file's end
  // count, in case a sync wrote more rows while the file was read.
  if (!mirror.final) {
    const held = mirror.index.peekHeld();
    held.rows.forEach((line, i) => {
      if (held.start + i === row) searchRow(line.text);
    });
  }
  return { count, lines, lineCount: row };
}
