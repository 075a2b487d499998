"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { memo, type MouseEvent, type ReactNode } from "react";
import type { Span } from "@/lib/log/types";
import { clipPieces, matchRanges, splitSpans } from "../../lib/log/highlight";
import { controlRuns, type GapRow, type LogRow } from "../../lib/log/log-rows";
import { spanStyle } from "./span-style";
import { formatDurationMs } from "@/lib/format";
import { formatLineTime, type TimeZoneChoice } from "./use-timestamp-settings";

/** Every row is one line high, so the virtual list needs no measuring and a jump lands exactly. */
export const LOG_ROW_HEIGHT = 20;

export interface LineDisplay {
  showTime: boolean;
  zone: TimeZoneChoice;
  query: string;
  caseSensitive: boolean;
}

export interface LineHandlers {
  onLineLink: (line: number) => void;
  onToggleGroup: (key: string) => void;
  onLoadGap: (gap: GapRow) => void;
}

interface LogLineRowProps extends LineHandlers {
  row: LogRow;
  top: number;
  display: LineDisplay;
  /** The line the URL's anchor names. */
  anchored: boolean;
  /** The search result next/previous moved to. */
  current: boolean;
  open: boolean;
  gapLoading: boolean;
}

function SpanPieces({
  spans,
  display,
  columns = null,
}: {
  spans: readonly Span[];
  display: LineDisplay;
  columns?: readonly [number, number] | null;
}) {
  const text = spans.map((span) => span.text).join("");
  // Matches are found in the whole line, so one that a wrap splits is marked on both rows.
  const whole = splitSpans(spans, matchRanges(text, display.query, display.caseSensitive));
  const pieces = columns ? clipPieces(whole, columns[0], columns[1]) : whole;
  return pieces.map((piece, index) => {
    let content: ReactNode = piece.text;
    if (piece.match) content = <mark className="rounded-sm bg-yellow-300 text-zinc-950">{content}</mark>;
    const style = spanStyle(piece.span.style);
    return piece.span.link ? (
      <a
        key={index}
        href={piece.span.link}
        rel="noopener noreferrer"
        target="_blank"
        style={style}
        className="underline decoration-dotted hover:decoration-solid"
      >
        {content}
      </a>
    ) : (
      <span key={index} style={style}>
        {content}
      </span>
    );
  });
}

function LineNumber({ number, onLineLink }: { number: number | null; onLineLink: (line: number) => void }) {
  if (number === null)
    return (
      <span className="w-20 shrink-0 pr-3 text-right text-zinc-500 select-none dark:text-zinc-400" aria-hidden>
        ·
      </span>
    );
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click opens the link elsewhere as usual; a plain one marks the line without a page jump.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onLineLink(number);
  };
  return (
    <a
      href={`#L${number}`}
      onClick={onClick}
      className="w-20 shrink-0 pr-3 text-right text-zinc-500 select-none hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-200"
      aria-label={`Line ${number}`}
    >
      {number}
    </a>
  );
}

/** One row of the log: a line, a group header, a raw line, or the placeholder for lines not loaded yet. */
export const LogLineRow = memo(function LogLineRow({
  row,
  top,
  display,
  anchored,
  current,
  open,
  gapLoading,
  onLineLink,
  onToggleGroup,
  onLoadGap,
}: LogLineRowProps) {
  const position = { height: LOG_ROW_HEIGHT, transform: `translateY(${top}px)` };
  const base = "absolute left-0 top-0 flex min-w-full items-center whitespace-pre pr-4";

  if (row.kind === "gap") {
    return (
      <div
        style={position}
        className={`${base} bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300`}
        data-gap={row.before}
      >
        <span className="w-20 shrink-0" />
        <button
          type="button"
          disabled={gapLoading}
          onClick={() => onLoadGap(row)}
          className="rounded px-2 text-blue-700 hover:underline disabled:text-zinc-600 disabled:no-underline dark:text-blue-300 dark:disabled:text-zinc-300"
        >
          {row.key === "gap-end"
            ? gapLoading
              ? "Loading later lines…"
              : "Load later lines"
            : gapLoading
              ? "Loading earlier lines…"
              : "Load earlier lines"}
        </button>
        {row.missing !== null && <span className="ml-2">({row.missing.toLocaleString()} lines not loaded)</span>}
      </div>
    );
  }

  if (row.kind === "raw") {
    return (
      <div style={position} className={base}>
        <span className="w-20 shrink-0" />
        <span>
          {controlRuns(row.text).map((run, index) =>
            run.control ? (
              <span key={index} className="text-sky-700 dark:text-sky-400">
                {run.text}
              </span>
            ) : (
              run.text
            ),
          )}
        </span>
      </div>
    );
  }

  const line = row.chunk.lines[row.index];
  if (!line) return null;
  // A bar at the left edge marks the line; the background stays pale so every colour keeps its contrast.
  const tint = current
    ? "bg-amber-50 shadow-[inset_3px_0_0_var(--color-amber-500)] dark:bg-zinc-800"
    : anchored
      ? "bg-sky-50 shadow-[inset_3px_0_0_var(--color-sky-500)] dark:bg-zinc-800"
      : "hover:bg-zinc-100 dark:hover:bg-zinc-800";
  const time = display.showTime ? (
    <span
      className="w-28 shrink-0 pr-3 text-zinc-500 select-none dark:text-zinc-400"
      title={line.time === null ? undefined : new Date(line.time).toISOString()}
    >
      {line.time === null ? "" : formatLineTime(line.time, display.zone)}
    </span>
  ) : null;

  if (row.group) {
    const { group } = row;
    const quiet = group.kind === "quiet";
    const Chevron = open ? ChevronDown : ChevronRight;
    return (
      <div
        style={position}
        className={`${base} ${tint}`}
        data-line={row.number ?? undefined}
        data-group-header=""
        aria-current={anchored ? "location" : undefined}
      >
        <LineNumber number={row.number} onLineLink={onLineLink} />
        {time}
        <button
          type="button"
          aria-expanded={open}
          onClick={() => onToggleGroup(group.key)}
          className={`flex items-center gap-1 rounded text-left focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-400 ${quiet ? "text-zinc-600 dark:text-zinc-400" : "font-bold"}`}
        >
          <Chevron aria-hidden className="size-3.5 shrink-0" />
          <span>
            <SpanPieces spans={group.title} display={display} />
          </span>
        </button>
        {group.durationMs !== null && (
          <span className="ml-3 text-zinc-500 dark:text-zinc-400">{formatDurationMs(group.durationMs)}</span>
        )}
      </div>
    );
  }

  if (row.columns !== null && row.columns[0] > 0) {
    // The rest of a wrapped line: marked like its first row, but numbered only there.
    return (
      <div style={position} className={`${base} ${tint}`}>
        <span className="w-20 shrink-0" />
        {display.showTime && <span className="w-28 shrink-0" />}
        <span>
          <SpanPieces spans={line.spans} display={display} columns={row.columns} />
        </span>
      </div>
    );
  }

  return (
    <div
      style={position}
      className={`${base} ${tint}`}
      data-line={row.number ?? undefined}
      data-current-match={current ? "" : undefined}
      aria-current={anchored ? "location" : undefined}
    >
      <LineNumber number={row.number} onLineLink={onLineLink} />
      {time}
      <span>
        <SpanPieces spans={line.spans} display={display} columns={row.columns} />
      </span>
    </div>
  );
});
