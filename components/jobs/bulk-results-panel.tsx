"use client";

import { useEffect, useId, useRef } from "react";
import { countOutcomes, failuresFirst, isFailure, summarize, type BulkOutcome } from "@/lib/bulk-results";
import type { BulkRunState } from "./bulk-run";
import { ResultItem, ResultList, ResultsHeading, type ResultTone } from "@/components/ui/job-results";

const tones: Record<BulkOutcome, ResultTone> = {
  reserved: "success",
  finished: "success",
  "not reserved": "refused",
  failed: "failed",
  unknown: "unknown",
};

const verbs = { reserve: "Reserving", finish: "Finishing" } as const;
const titles = { reserve: "Bulk reserve", finish: "Bulk finish" } as const;

/** Progress while a bulk action runs, then what happened to each job, until the operator dismisses it. */
export function BulkResultsPanel({ run, onDismiss }: { run: BulkRunState; onDismiss: () => void }) {
  const titleId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  // The control that started the run may be gone (the confirmation closed, or the selection cleared), so
  // focus moves here, where the progress and results are read out; again when the run ends, as a bulk
  // finish's confirmation stays open (and the page inert) until then.
  useEffect(() => {
    sectionRef.current?.focus({ preventScroll: true });
  }, [run.jobIds, run.running]);
  const total = run.jobIds.length;
  const counts = countOutcomes(run.rows);
  // Live rows keep their arrival order so nothing jumps while the operator reads; the settled list leads
  // with the jobs that need attention.
  const rows = run.running ? run.rows : failuresFirst(run.rows);
  const anyFailed = run.rows.some((row) => isFailure(row.outcome));
  const jobs = `${total} ${total === 1 ? "job" : "jobs"}`;
  const status = !run.running
    ? run.rows.length === 0
      ? `Nothing was ${run.kind === "reserve" ? "reserved" : "finished"}.`
      : `Done: ${summarize(counts)}.`
    : run.kind === "finish"
      ? `${verbs.finish} ${jobs}: ${run.done} of ${total} done`
      : `${verbs.reserve} ${jobs}…`;

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="mt-3 space-y-2 border-t border-blue-200 pt-3 outline-none first:mt-0 first:border-t-0 first:pt-0 dark:border-blue-500/30"
    >
      <ResultsHeading id={titleId} title={titles[run.kind]} running={run.running} onDismiss={onDismiss} />
      {run.kind === "finish" ? (
        <div
          role="progressbar"
          aria-label="Bulk finish progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={run.done}
          aria-valuetext={`${run.done} of ${total} jobs`}
          className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
        >
          <div
            className={`h-full transition-[width] ${anyFailed ? "bg-amber-500" : "bg-blue-600 dark:bg-blue-500"}`}
            style={{ width: `${total === 0 ? 0 : (run.done / total) * 100}%` }}
          />
        </div>
      ) : (
        run.running && (
          <div
            role="progressbar"
            aria-label="Bulk reserve progress"
            className="h-2 animate-pulse rounded-full bg-blue-300 dark:bg-blue-500/50"
          />
        )
      )}
      <p role="status" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
        {status}
      </p>
      {run.error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-500/50 dark:bg-red-500/10 dark:text-red-200"
        >
          {run.error}
        </p>
      )}
      {rows.length > 0 && (
        <ResultList>
          {rows.map((row) => (
            <ResultItem
              key={row.jobId}
              jobId={row.jobId}
              outcome={row.outcome}
              tone={tones[row.outcome]}
              reason={row.reason}
            />
          ))}
        </ResultList>
      )}
    </section>
  );
}
