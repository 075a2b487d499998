"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";
import type { JobFilters, SortField } from "@/lib/filters/jobs";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { Selection } from "@/lib/selection";
import { anchoredScrollTop } from "@/lib/stable-rows";
import { JOB_HEADER_HEIGHT, JOB_ROW_HEIGHT } from "./job-columns";
import { JobRow, type JobRowHandlers } from "./job-row";
import { JobsTableHeader } from "./jobs-table-header";
import { useCommitTiming } from "./use-commit-timing";

export interface JobsTableHandle {
  scrollToId: (id: string) => void;
}

interface JobsTableProps extends JobRowHandlers {
  ref?: Ref<JobsTableHandle>;
  rows: readonly string[];
  /** Changes when the operator changes filters or sort: a new view starts at the top. */
  viewKey: string;
  jobsById: ReadonlyMap<string, ScheduledJob>;
  selection: Selection;
  focusedId: string | null;
  now: number;
  filters: JobFilters;
  onSort: (field: SortField) => void;
  allMatchingSelected: boolean;
  onToggleAll: () => void;
}

/**
 * Every scheduled job in a virtualized grid: only the rows in (and just around) the viewport are in the
 * DOM, so 5000 jobs scroll as smoothly as 50. The server renders the first screenful (initialRect) so rows
 * show before any script runs.
 */
export function JobsTable({
  ref,
  rows,
  viewKey,
  jobsById,
  selection,
  focusedId,
  now,
  filters,
  onSort,
  allMatchingSelected,
  onToggleAll,
  ...handlers
}: JobsTableProps) {
  useCommitTiming("jobs-table-commit", [rows, jobsById]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const pointerIdRef = useRef<string | null>(null);
  const previousRowsRef = useRef(rows);
  const previousFiltersKeyRef = useRef(viewKey);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => JOB_ROW_HEIGHT,
    getItemKey: (index) => rows[index] ?? index,
    scrollMargin: JOB_HEADER_HEIGHT,
    overscan: 8,
    initialRect: { width: 1100, height: 640 },
  });

  // Rows that leave above the viewport would pull the ones below upwards; move scrollTop by the same
  // amount so the row under the pointer (or the first visible one) stays where the operator's eyes are.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const previous = previousRowsRef.current;
    const sameFilters = previousFiltersKeyRef.current === viewKey;
    previousRowsRef.current = rows;
    previousFiltersKeyRef.current = viewKey;
    if (!element || previous === rows) return;
    if (!sameFilters) {
      element.scrollTop = 0;
      return;
    }
    const target = anchoredScrollTop(previous, rows, element.scrollTop, JOB_ROW_HEIGHT, pointerIdRef.current);
    if (Math.abs(target - element.scrollTop) >= 1) element.scrollTop = target;
  }, [rows, viewKey]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToId: (id) => {
        const index = rows.indexOf(id);
        if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
      },
    }),
    [rows, virtualizer],
  );

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label="Scheduled jobs"
      aria-rowcount={rows.length + 1}
      className="relative h-[62vh] min-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white [overflow-anchor:none] dark:border-zinc-800 dark:bg-zinc-900"
    >
      <JobsTableHeader
        filters={filters}
        onSort={onSort}
        matchingCount={rows.length}
        allMatchingSelected={allMatchingSelected}
        onToggleAll={onToggleAll}
      />
      <div
        role="rowgroup"
        className="relative min-w-full"
        style={{ height: virtualizer.getTotalSize() }}
        onPointerOver={(event) => {
          const row = (event.target as Element).closest("[data-job-id]");
          pointerIdRef.current = row?.getAttribute("data-job-id") ?? null;
        }}
        onPointerLeave={() => {
          pointerIdRef.current = null;
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const id = rows[item.index];
          const job = id === undefined ? undefined : jobsById.get(id);
          if (!job) return null;
          return (
            <JobRow
              key={job.id}
              job={job}
              index={item.index}
              top={item.start - JOB_HEADER_HEIGHT}
              selected={selection.has(job.id)}
              focused={focusedId === job.id}
              now={now}
              {...handlers}
            />
          );
        })}
      </div>
    </div>
  );
}
