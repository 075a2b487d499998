"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";
import type { JobFilters, SortField } from "@/lib/filters/jobs";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { Selection } from "@/lib/selection";
import { scrollTopToReveal } from "@/lib/scroll-reveal";
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
 * Scrolls the table, then the window, as little as needed for row `index` to show whole: below the table's
 * sticky header and inside the window (the table can be taller than what is left of the screen below the
 * page's header). The row need not be rendered yet: rows have a fixed height, so its place is known, and
 * the virtualizer renders it on the scroll.
 */
const WINDOW_MARGIN = 8;

function revealRow(element: HTMLElement, index: number) {
  const row = { top: JOB_HEADER_HEIGHT + index * JOB_ROW_HEIGHT, height: JOB_ROW_HEIGHT };
  const scrollTop = scrollTopToReveal(row, {
    scrollTop: element.scrollTop,
    viewportHeight: element.clientHeight,
    coveredTop: JOB_HEADER_HEIGHT,
  });
  if (scrollTop !== element.scrollTop) element.scrollTop = scrollTop;
  const contentTop = element.getBoundingClientRect().top + element.clientTop + window.scrollY - element.scrollTop;
  // A little room around the row in the window, so it does not sit on the screen's very edge.
  const windowTop = scrollTopToReveal(
    { top: contentTop + row.top - WINDOW_MARGIN, height: row.height + 2 * WINDOW_MARGIN },
    { scrollTop: window.scrollY, viewportHeight: window.innerHeight },
  );
  if (windowTop !== window.scrollY) window.scrollTo({ top: windowTop });
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
        const element = scrollRef.current;
        const index = rows.indexOf(id);
        if (element && index >= 0) revealRow(element, index);
      },
    }),
    [rows],
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
