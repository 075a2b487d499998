"use client";

import { useEffect, useId, useRef } from "react";
import { isSuccess, type ReservationAction, type ReservationOutcome } from "@/lib/reservation-results";
import { ResultItem, ResultList, ResultsHeading, type ResultTone } from "@/components/ui/job-results";
import type { ReservationRunState } from "./use-reservation-run";

const tones: Record<ReservationOutcome, ResultTone> = {
  extended: "success",
  released: "success",
  finished: "success",
  refused: "refused",
  failed: "failed",
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
      <ResultsHeading
        id={titleId}
        title={`${titles[run.action]} results`}
        running={run.running}
        onDismiss={onDismiss}
      />
      <p role="status" className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
        {status}
      </p>
      {run.rows.length > 0 && (
        <ResultList>
          {run.rows.map((row) => (
            <ResultItem
              key={`${row.stackKey}/${row.jobId}`}
              jobId={row.jobId}
              outcome={row.outcome}
              tone={tones[row.outcome]}
              reason={row.message}
            />
          ))}
        </ResultList>
      )}
    </section>
  );
}
