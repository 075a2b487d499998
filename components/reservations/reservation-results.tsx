"use client";

import { useEffect, useId, useRef } from "react";
import { shortId } from "@/lib/filters/jobs";
import { isSuccess, type ReservationAction, type ReservationOutcome } from "@/lib/reservation-results";
import { secondaryButton } from "@/components/ui/form-styles";
import type { ReservationRunState } from "./use-reservation-run";

const outcomeClass: Record<ReservationOutcome, string> = {
  extended: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300",
  released: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300",
  finished: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300",
  refused: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-300",
};

const titles: Record<ReservationAction, string> = {
  extend: "Extend",
  release: "Release",
  finish: "Finish",
};
const verbs: Record<ReservationAction, string> = {
  extend: "Extending",
  release: "Releasing",
  finish: "Finishing",
};

/** What the last action did to each job, kept until the operator dismisses it. */
export function ReservationResults({ run, onDismiss }: { run: ReservationRunState; onDismiss: () => void }) {
  const titleId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  // The button that started the action is gone with the confirmation; the results take the focus.
  useEffect(() => {
    sectionRef.current?.focus({ preventScroll: true });
  }, [run.targets]);
  const total = run.targets.length;
  const jobs = `${total} ${total === 1 ? "job" : "jobs"}`;
  const succeeded = run.rows.filter((row) => isSuccess(row.outcome)).length;
  const status = run.running
    ? `${verbs[run.action]} ${jobs}…`
    : `Done: ${succeeded} of ${total} ${run.action === "extend" ? "extended" : run.action === "release" ? "released" : "finished"}.`;

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="mt-3 space-y-2 border-t border-blue-200 pt-3 outline-none first:mt-0 first:border-t-0 first:pt-0 dark:border-blue-500/30"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id={titleId} className="text-sm font-semibold">
          {titles[run.action]} results
        </h2>
        <button type="button" onClick={onDismiss} disabled={run.running} className={secondaryButton}>
          Dismiss results
        </button>
      </div>
      <p role="status" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
        {status}
      </p>
      {run.rows.length > 0 && (
        <ul
          aria-label="Per-job results"
          className="max-h-64 divide-y divide-zinc-100 overflow-auto rounded-md border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-700 dark:bg-zinc-950"
        >
          {run.rows.map((row) => (
            <li
              key={`${row.stackKey}/${row.jobId}`}
              data-job-id={row.jobId}
              className="flex items-baseline gap-2 px-2 py-1"
            >
              <span className="font-mono" title={row.jobId}>
                {shortId(row.jobId)}
              </span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeClass[row.outcome]}`}>
                {row.outcome}
              </span>
              <span className="min-w-0 text-xs break-words text-zinc-600 dark:text-zinc-400">{row.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
