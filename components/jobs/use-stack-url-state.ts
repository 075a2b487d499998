"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { parseFilters, writeFilters, type JobFilters } from "@/lib/filters/jobs";

export interface StackUrlState {
  filters: JobFilters;
  /** The job whose drawer is open (`?job=`), kept even after the job leaves the list. */
  jobId: string | null;
}

/**
 * The table's filters, sort and open job, read once from the URL and mirrored back into it, so a reload or
 * a shared link reproduces the view. The mirror uses history.replaceState, which Next keeps in step with
 * its router: router.replace would re-render the server page (and re-read 5000 jobs) on every keystroke.
 */
export function useStackUrlState() {
  const searchParams = useSearchParams();
  const [view, setView] = useState<StackUrlState>(() => ({
    filters: parseFilters(searchParams),
    jobId: searchParams.get("job"),
  }));

  useEffect(() => {
    const params = writeFilters(new URLSearchParams(window.location.search), view.filters);
    if (view.jobId) params.set("job", view.jobId);
    else params.delete("job");
    const search = params.toString();
    if (`?${search}` !== window.location.search && !(search === "" && window.location.search === "")) {
      window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
    }
  }, [view]);

  const setFilters = useCallback((update: Partial<JobFilters>) => {
    setView((current) => ({ ...current, filters: { ...current.filters, ...update } }));
  }, []);
  const openJob = useCallback((jobId: string | null) => setView((current) => ({ ...current, jobId })), []);

  return { ...view, setFilters, openJob };
}
