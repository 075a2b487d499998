import { formatBytes } from "@/lib/build-format";
import { knownLineCount, type LogDoc } from "@/lib/log/log-chunks";

/** How much of the log there is, whether it still grows, and why a line asked for is not shown. */
export function LogStatus({ doc, missingLine }: { doc: LogDoc; missingLine: number | null }) {
  const loaded = doc.chunks.length > 0;
  const lineCount = knownLineCount(doc);
  return (
    <>
      {missingLine !== null && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Line {missingLine.toLocaleString()} is not in this log
          {lineCount !== null ? ` (it has ${lineCount.toLocaleString()} lines)` : ""}.
        </p>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="log-status">
        {!loaded
          ? "Loading the log…"
          : `${lineCount === null ? "Counting lines…" : `${lineCount.toLocaleString()} lines`} · ${formatBytes(doc.totalBytes)}${doc.final ? "" : " · running, new lines appear as they are written"}`}
      </p>
    </>
  );
}
