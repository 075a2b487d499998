"use client";

import Link from "next/link";
import { memo, useEffect, useRef, type ChangeEvent } from "react";
import { formatAge, secondsSince } from "@/lib/format";
import { shortId } from "@/lib/filters/jobs";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { CopyButton } from "./copy-button";
import { JOB_GRID_CLASS, JOB_ROW_HEIGHT, shownFrom } from "./job-columns";

export interface JobRowHandlers {
  onToggle: (id: string, range: boolean) => void;
  onFocusRow: (id: string) => void;
  onOpen: (id: string) => void;
}

interface JobRowProps extends JobRowHandlers {
  job: ScheduledJob;
  index: number;
  top: number;
  selected: boolean;
  focused: boolean;
  now: number;
}

const cell = "truncate px-2";

/** One scheduled job. Memoized by its props: a refresh re-renders only rows whose job or state changed. */
export const JobRow = memo(function JobRow({
  job,
  index,
  top,
  selected,
  focused,
  now,
  onToggle,
  onFocusRow,
  onOpen,
}: JobRowProps) {
  const short = shortId(job.id);
  const rules = job.agentQueryRules.join(", ");
  const onSelect = (event: ChangeEvent<HTMLInputElement>) =>
    onToggle(job.id, (event.nativeEvent as MouseEvent).shiftKey === true);
  const rowRef = useRef<HTMLDivElement>(null);

  // The focused row takes DOM focus so a screen reader reads it as j/k move. It never takes focus from a
  // field or a dialog: a row scrolled back into view must not steal the caret from the filters.
  useEffect(() => {
    const element = rowRef.current;
    if (!focused || !element) return;
    const active = document.activeElement;
    const table = element.closest("[role=table]");
    if (active === null || active === document.body || (table !== null && table.contains(active)))
      element.focus({ preventScroll: true });
  }, [focused]);

  return (
    <div
      ref={rowRef}
      role="row"
      tabIndex={-1}
      aria-rowindex={index + 2}
      data-testid="job-row"
      data-job-id={job.id}
      data-focused={focused || undefined}
      aria-current={focused || undefined}
      onClick={() => onFocusRow(job.id)}
      onDoubleClick={() => onOpen(job.id)}
      style={{ height: JOB_ROW_HEIGHT, transform: `translateY(${top}px)` }}
      className={`absolute inset-x-0 top-0 grid ${JOB_GRID_CLASS} items-center border-b border-zinc-100 text-sm dark:border-zinc-800 ${
        selected ? "bg-blue-50 dark:bg-blue-500/10" : "bg-white dark:bg-zinc-900"
      } ${focused ? "outline-2 -outline-offset-2 outline-blue-500" : "outline-none"} hover:bg-zinc-50 dark:hover:bg-zinc-800/60`}
    >
      <div role="cell" className="flex justify-center">
        <input
          type="checkbox"
          aria-label={`Select job ${short}`}
          checked={selected}
          onChange={onSelect}
          onClick={(event) => event.stopPropagation()}
          className="size-4 accent-blue-600"
        />
      </div>
      <div role="cell" className="flex items-center gap-0.5 px-2">
        <button
          type="button"
          aria-label={`Open job ${short}`}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(job.id);
          }}
          className="rounded font-mono text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
        >
          {short}
        </button>
        <CopyButton text={job.id} label={`Copy job id ${short}`} />
      </div>
      <div role="cell" className={cell} title={job.pipeline.slug ?? undefined}>
        {job.pipeline.slug ?? "—"}
      </div>
      <div role="cell" className={`${cell} ${shownFrom.sm} tabular-nums`}>
        {job.build.number === null ? (
          "—"
        ) : job.pipeline.slug ? (
          <Link
            href={`/builds/${encodeURIComponent(job.pipeline.slug)}/${job.build.number}`}
            aria-label={`Build #${job.build.number} of ${job.pipeline.slug}`}
            onClick={(event) => event.stopPropagation()}
            className="rounded text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
          >
            #{job.build.number}
          </Link>
        ) : (
          `#${job.build.number}`
        )}
      </div>
      <div role="cell" className={`${cell} ${shownFrom.md} font-mono text-xs`} title={job.build.branch ?? undefined}>
        {job.build.branch ?? "—"}
      </div>
      <div role="cell" className={`${cell} ${shownFrom.lg} font-mono text-xs`} title={job.step.key ?? undefined}>
        {job.step.key ?? "—"}
      </div>
      <div
        role="cell"
        className={`${cell} ${shownFrom.lg} font-mono text-xs text-zinc-600 dark:text-zinc-400`}
        title={rules}
      >
        {rules || "—"}
      </div>
      <div role="cell" className={`${cell} ${shownFrom.sm} text-right tabular-nums`}>
        {job.priority}
      </div>
      {/* The server renders an age a moment older than hydration sees; it ticks from then on. */}
      <div role="cell" className={`${cell} text-right tabular-nums`} data-testid="job-waiting" suppressHydrationWarning>
        {formatAge(secondsSince(job.scheduledAt, now))}
      </div>
      <div role="cell" className={`${cell} ${shownFrom.lg}`}>
        <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          scheduled
        </span>
      </div>
    </div>
  );
});
