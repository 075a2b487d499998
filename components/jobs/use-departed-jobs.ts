"use client";

import { useMemo, useState } from "react";
import {
  departedJobs,
  noTrackedJobs,
  trackSelection,
  type ReviewJob,
  type TrackedJobs,
} from "@/lib/bulk-finish-review";

/** What the bulk bar needs of a queued job: its pipeline. */
export interface QueuedJobPipeline {
  pipeline: { slug: string | null };
}

/**
 * The selected jobs that left the queue (an agent took them, or another operator) while the bulk-finish
 * form was open. Tracking starts when the form opens and ends when it closes; a job the operator deselects
 * is not a departure, and one that comes back is selected again.
 */
export function useDepartedJobs(
  open: boolean,
  selectedIds: readonly string[],
  jobsById: ReadonlyMap<string, QueuedJobPipeline>,
): ReviewJob[] {
  const [tracked, setTracked] = useState<TrackedJobs>(noTrackedJobs);
  const [seen, setSeen] = useState({ open: false, selectedIds, jobsById });
  if (seen.open !== open || seen.selectedIds !== selectedIds || seen.jobsById !== jobsById) {
    // State adjusted while rendering (not in an effect): the notice appears in the same render as the poll
    // that took the jobs away, never a frame after the count has already dropped.
    setSeen({ open, selectedIds, jobsById });
    setTracked(
      open
        ? trackSelection(
            seen.open ? tracked : noTrackedJobs,
            selectedIds,
            (id) => jobsById.has(id),
            (id) => jobsById.get(id)?.pipeline.slug ?? null,
          )
        : noTrackedJobs,
    );
  }
  return useMemo(() => (open ? departedJobs(tracked, selectedIds) : []), [open, tracked, selectedIds]);
}
