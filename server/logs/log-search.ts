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
  let carry = "";
  for await (const piece of mirror.rowsStream()) {
    const text = carry + (piece as string);
    let start = 0;
    for (let end = text.indexOf("\n", start); end >= 0; end = text.indexOf("\n", start)) {
      row++;
      const line = text.slice(start, end);
      const haystack = caseSensitive ? line : line.toLowerCase();
      let found = 0;
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) found++;
      if (found > 0) {
        count += found;
        if (lines.length < SEARCH_LINE_LIMIT) lines.push(row);
      }
      start = end + 1;
    }
    carry = text.slice(start);
  }
  return { count, lines, lineCount: row };
}
