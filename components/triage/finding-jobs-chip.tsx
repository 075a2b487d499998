import { X } from "lucide-react";
import { jobIdsFilter, type JobFilters } from "@/lib/filters/jobs";

/** Says the table shows only a finding's jobs, and undoes it: a narrowed table must never look like the whole queue. */
export function FindingJobsChip({ filters, onClear }: { filters: JobFilters; onClear: () => void }) {
  const ids = jobIdsFilter(filters);
  if (ids === null) return null;
  const label = `Showing ${ids.size} job${ids.size === 1 ? "" : "s"} from finding: ${filters.finding || "a finding"}`;
  return (
    <p
      className="inline-flex items-center gap-2 rounded-full bg-blue-100 px-3 py-1 text-sm text-blue-950 dark:bg-blue-500/15 dark:text-blue-100"
      data-testid="finding-jobs-chip"
    >
      {label}
      <button
        type="button"
        onClick={onClear}
        className="rounded-full p-0.5 hover:bg-blue-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-blue-500/30"
        aria-label="Clear the finding's job filter"
      >
        <X aria-hidden className="size-3.5" />
      </button>
    </p>
  );
}
