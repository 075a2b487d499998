"use client";

interface TableStatesProps {
  loaded: boolean;
  failed: boolean;
  anyJobs: boolean;
  onClearFilters: () => void;
  onRetry: () => void;
}

const box =
  "flex h-[62vh] min-h-80 flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-zinc-300 text-center dark:border-zinc-700";
const button =
  "rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

/** What the table area says when there are no rows to show: loading, failed, empty, or all filtered out. */
export function JobsTableStates({ loaded, failed, anyJobs, onClearFilters, onRetry }: TableStatesProps) {
  if (!loaded && failed) {
    return (
      <div className={box}>
        <p className="font-medium">The scheduled jobs could not be loaded.</p>
        <button type="button" className={button} onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className={box} role="status">
        <p className="animate-pulse text-zinc-500 dark:text-zinc-400">Loading scheduled jobs…</p>
      </div>
    );
  }
  if (!anyJobs) {
    return (
      <div className={box}>
        <p className="font-medium">No scheduled jobs</p>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing is waiting for an agent in this queue.</p>
      </div>
    );
  }
  return (
    <div className={box}>
      <p className="font-medium">No jobs match the filters</p>
      <button type="button" className={button} onClick={onClearFilters}>
        Clear filters
      </button>
    </div>
  );
}
