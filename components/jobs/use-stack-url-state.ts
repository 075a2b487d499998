"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { filterHistoryWrite, type HistoryWrite, type TypingBurst } from "@/lib/filters/history-write";
import { parseFilters, writeFilters, type JobFilters } from "@/lib/filters/jobs";
import { DEFAULT_HISTORY_RANGE } from "@/lib/history/ranges";
import { historyRangeSchema, type HistoryRange } from "@/lib/schemas/queue-history";

export interface StackUrlState {
  filters: JobFilters;
  /** The job whose drawer is open (`?job=`), kept even after the job leaves the list. */
  jobId: string | null;
  /** The history charts' range (`?range=`); the default is left out of the URL. */
  range: HistoryRange;
}

interface ParamsReader {
  get(name: string): string | null;
}

const readView = (params: ParamsReader): StackUrlState => ({
  filters: parseFilters(params),
  jobId: params.get("job"),
  range: historyRangeSchema.catch(DEFAULT_HISTORY_RANGE).parse(params.get("range")),
});

/** The page's search string with `view` written over the current one (other parameters, like `queue`, kept). */
function searchFor(view: StackUrlState): string {
  const params = writeFilters(new URLSearchParams(window.location.search), view.filters);
  if (view.jobId) params.set("job", view.jobId);
  else params.delete("job");
  if (view.range === DEFAULT_HISTORY_RANGE) params.delete("range");
  else params.set("range", view.range);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * The table's filters, sort and open job, and the history charts' range, read from the URL and mirrored back into it, so a reload or a
 * shared link reproduces the view and Back undoes a change. The mirror uses history.pushState and
 * replaceState, which Next keeps in step with its router: router.push would re-render the server page (and
 * re-read 5000 jobs) on every keystroke. Back and Forward (popstate) bring the URL's view back.
 */
export function useStackUrlState() {
  const searchParams = useSearchParams();
  const [view, setView] = useState<StackUrlState>(() => readView(searchParams));
  // How the next mirror writes the URL: a push if any change since the last write asked for one.
  const pendingWrite = useRef<HistoryWrite>("replace");
  const burst = useRef<TypingBurst | null>(null);

  useEffect(() => {
    const search = searchFor(view);
    const write = pendingWrite.current;
    pendingWrite.current = "replace";
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}`;
    if (write === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, [view]);

  useEffect(() => {
    const onPopState = () => {
      burst.current = null;
      setView(readView(new URLSearchParams(window.location.search)));
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const setFilters = useCallback((update: Partial<JobFilters>) => {
    const next = filterHistoryWrite(update, burst.current, Date.now());
    burst.current = next.burst;
    if (next.write === "push") pendingWrite.current = "push";
    setView((current) => ({ ...current, filters: { ...current.filters, ...update } }));
  }, []);
  /** Opening a job and closing the drawer are both places Back returns to. */
  const openJob = useCallback((jobId: string | null) => {
    burst.current = null;
    pendingWrite.current = "push";
    setView((current) => ({ ...current, jobId }));
  }, []);

  /** A range is a view to return to, like an open job. */
  const setRange = useCallback((range: HistoryRange) => {
    burst.current = null;
    pendingWrite.current = "push";
    setView((current) => ({ ...current, range }));
  }, []);

  return { ...view, setFilters, openJob, setRange };
}
