import type { LogChunk } from "@/lib/schemas/logs";
import { toPlainText } from "./plain-text";

/**
 * The contract's jobs.log.get content from a log's tail: normalized to what a terminal would show (or, raw,
 * the bytes as they are), cut to the last `tailLines` lines. `truncated` says earlier bytes or lines were
 * left out. The console's API and bkci both answer with this.
 */
export function logExcerpt(
  tail: Pick<LogChunk, "text" | "start">,
  options: { raw: boolean; tailLines?: number | null },
) {
  let lines = (options.raw ? tail.text : toPlainText(tail.text)).split("\n");
  if (lines.at(-1) === "") lines.pop();
  let truncated = tail.start > 0;
  const tailLines = options.tailLines ?? undefined;
  if (tailLines !== undefined && lines.length > tailLines) {
    lines = lines.slice(-tailLines);
    truncated = true;
  }
  return { content: lines.join("\n"), lineCount: lines.length, truncated };
}
