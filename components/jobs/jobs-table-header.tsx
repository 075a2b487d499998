"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import type { JobFilters, SortField } from "@/lib/filters/jobs";
import { JOB_GRID_CLASS, JOB_HEADER_HEIGHT, shownFrom } from "./job-columns";

interface HeaderProps {
  filters: JobFilters;
  onSort: (field: SortField) => void;
  matchingCount: number;
  allMatchingSelected: boolean;
  onToggleAll: () => void;
}

const head = "truncate px-2 text-left text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400";

function SortHeader({
  field,
  label,
  filters,
  onSort,
  className = "",
}: {
  field: SortField;
  label: string;
  filters: JobFilters;
  onSort: (field: SortField) => void;
  /** Extra classes for the header cell, e.g. to hide it on narrow screens with its column. */
  className?: string;
}) {
  const active = filters.sort === field;
  const Arrow = filters.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : "none"}
      className={`${head} ${className} text-right`}
    >
      <button
        type="button"
        onClick={() => onSort(field)}
        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
      >
        {label}
        {active && <Arrow aria-hidden className="size-3" />}
      </button>
    </div>
  );
}

export function JobsTableHeader({ filters, onSort, matchingCount, allMatchingSelected, onToggleAll }: HeaderProps) {
  return (
    <div
      role="rowgroup"
      className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div
        role="row"
        aria-rowindex={1}
        className={`grid ${JOB_GRID_CLASS} items-center`}
        style={{ height: JOB_HEADER_HEIGHT }}
      >
        <div role="columnheader" className="flex justify-center">
          <input
            type="checkbox"
            aria-label={`Select all ${matchingCount} matching`}
            checked={allMatchingSelected}
            disabled={matchingCount === 0}
            onChange={onToggleAll}
            className="size-4 accent-blue-600"
          />
        </div>
        <div role="columnheader" className={head}>
          Job
        </div>
        <div role="columnheader" className={head}>
          Pipeline
        </div>
        <div role="columnheader" className={`${head} ${shownFrom.sm}`}>
          Build
        </div>
        <div role="columnheader" className={`${head} ${shownFrom.md}`}>
          Branch
        </div>
        <div role="columnheader" className={`${head} ${shownFrom.lg}`}>
          Step
        </div>
        <div role="columnheader" className={`${head} ${shownFrom.lg}`}>
          Query rules
        </div>
        <SortHeader field="priority" label="Priority" filters={filters} onSort={onSort} className={shownFrom.sm} />
        <SortHeader field="wait" label="Waiting" filters={filters} onSort={onSort} />
        <div role="columnheader" className={`${head} ${shownFrom.lg}`}>
          State
        </div>
      </div>
    </div>
  );
}
