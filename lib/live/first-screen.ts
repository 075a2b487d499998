import { filterAndSort, type JobFilters } from "../filters/jobs";
import type { ScheduledJobsEnvelope } from "./apply-change-set";

/** Rows enough for the tallest screen; the page's HTML carries these, not all 5000. */
export const FIRST_SCREEN_ROWS = 60;

/**
 * The part of the list a page's HTML needs for its first paint: the first rows of the view the URL asks
 * for, and the job whose drawer it opens. The summary keeps the whole list's count and version and says
 * the list is partial; the browser reads the rest at once (see `isPartial`).
 */
export function firstScreen(
  envelope: ScheduledJobsEnvelope,
  filters: JobFilters,
  openJobId: string | null,
): ScheduledJobsEnvelope {
  if (envelope.data.length <= FIRST_SCREEN_ROWS) return envelope;
  const wanted = new Set(filterAndSort(envelope.data, filters).slice(0, FIRST_SCREEN_ROWS));
  if (openJobId !== null) wanted.add(openJobId);
  return {
    ...envelope,
    data: envelope.data.filter((job) => wanted.has(job.id)),
    summary: { ...envelope.summary, partial: true },
  };
}

/** True for a first-screen list: its rows are the top of the view, not the whole queue. */
export const isPartial = (envelope: ScheduledJobsEnvelope | undefined) => envelope?.summary.partial === true;
