"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import type { RefObject } from "react";
import type { LogDoc } from "@/lib/log/log-chunks";
import type { GapRow, LogRow } from "@/lib/log/log-rows";
import { LogLineRow, LOG_ROW_HEIGHT, type LineDisplay } from "./log-line";
import { WRAP_PROBE_TEXT } from "./use-wrap-columns";

interface LogLinesProps {
  rows: readonly LogRow[];
  doc: LogDoc;
  display: LineDisplay;
  anchorLine: number | null;
  currentMatch: number | null;
  /** Which byte ranges are loading (`before:<byte>`, `after:<byte>`). */
  loading: ReadonlySet<string>;
  scrollRef: RefObject<HTMLDivElement | null>;
  probeRef: RefObject<HTMLSpanElement | null>;
  onScroll(): void;
  onLineLink(line: number): void;
  onToggleGroup(key: string): void;
  onLoadGap(gap: GapRow): void;
}

/** The scrolling box of log rows; only the rows in view (and a margin) are in the DOM. */
export function LogLines({
  rows,
  doc,
  display,
  anchorLine,
  currentMatch,
  loading,
  scrollRef,
  probeRef,
  onScroll,
  onLineLink,
  onToggleGroup,
  onLoadGap,
}: LogLinesProps) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 20,
    initialRect: { width: 1100, height: 600 },
  });
  return (
    <div
      ref={scrollRef}
      onScroll={onScroll}
      tabIndex={0}
      aria-label="Log lines"
      data-testid="log-scroll"
      className="relative h-[70vh] min-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white font-mono text-[13px] leading-5 text-zinc-900 [--log-background:#ffffff] [--log-foreground:#18181b] [overflow-anchor:none] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200 dark:[--log-background:#18181b] dark:[--log-foreground:#e4e4e7]"
    >
      <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const number = row.kind === "line" ? row.number : null;
          return (
            <LogLineRow
              key={row.key}
              row={row}
              top={item.start}
              display={display}
              anchored={number !== null && number === anchorLine}
              current={number !== null && number === currentMatch}
              open={row.kind === "line" && row.group !== null ? doc.open.get(row.group.key) !== false : true}
              gapLoading={
                row.kind === "gap" && (loading.has(`before:${row.before}`) || loading.has(`after:${row.after}`))
              }
              onLineLink={onLineLink}
              onToggleGroup={onToggleGroup}
              onLoadGap={onLoadGap}
            />
          );
        })}
      </div>
      {/* Measures a character's width for wrapping; after the list, which must stay the box's first child. */}
      <span
        ref={probeRef}
        aria-hidden
        data-testid="char-probe"
        className="invisible absolute top-0 left-0 whitespace-pre"
      >
        {WRAP_PROBE_TEXT}
      </span>
      {doc.chunks.length > 0 && rows.length === 0 && (
        <p className="p-4 text-zinc-600 dark:text-zinc-400">{doc.final ? "The log is empty." : "No output yet."}</p>
      )}
    </div>
  );
}
