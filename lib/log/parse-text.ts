import { createLogParser } from "@/lib/log/parser";
import type { LogLine } from "@/lib/log/types";

/** Pieces fed to the parser at a time: small enough that one piece never holds the main thread long. */
export const PARSE_SLICE_CHARS = 64 * 1024;

/** Cuts at `index` or just before it, never between the halves of a surrogate pair. */
function safeCut(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * Parses one chunk's text into its rows, feeding it in slices and calling `between` after each, so a caller
 * on the main thread can yield to the browser. A chunk starts on a line boundary, so a fresh parser agrees
 * with the server's numbering.
 */
export async function parseChunkText(text: string, between?: () => Promise<void>): Promise<LogLine[]> {
  const parser = createLogParser();
  const lines: LogLine[] = [];
  let at = 0;
  while (at < text.length) {
    const cut = safeCut(text, at + PARSE_SLICE_CHARS);
    for (const line of parser.push(text.slice(at, cut))) lines.push(line);
    at = cut;
    if (between && at < text.length) await between();
  }
  for (const line of parser.end()) lines.push(line);
  return lines;
}
