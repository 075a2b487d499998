"use client";

import { memo, type ReactNode } from "react";
import { shortId } from "@/lib/filters/jobs";
import { secondaryButton } from "./form-styles";

/** How a job came out of an action, as the colour of its outcome chip. */
export type ResultTone = "success" | "refused" | "failed" | "unknown";

const toneClass: Record<ResultTone, string> = {
  success: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300",
  refused: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-300",
  unknown: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100",
};

/** The results' title and the button that puts them away, which waits for the run to end. */
export function ResultsHeading({
  id,
  title,
  running,
  onDismiss,
}: {
  id: string;
  title: string;
  running: boolean;
  onDismiss: () => void;
}) {
  return (
    <div className="flex items-center justify-between gap-3">
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      <button type="button" onClick={onDismiss} disabled={running} className={secondaryButton}>
        Dismiss results
      </button>
    </div>
  );
}

export function ResultList({ children }: { children: ReactNode }) {
  return (
    <ul
      aria-label="Per-job results"
      className="max-h-64 divide-y divide-zinc-100 overflow-auto rounded-md border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-700 dark:bg-zinc-950"
    >
      {children}
    </ul>
  );
}

/** Memoized by its primitive props: while thousands of results stream in, only new rows render. */
export const ResultItem = memo(function ResultItem({
  jobId,
  outcome,
  tone,
  reason,
}: {
  jobId: string;
  outcome: string;
  tone: ResultTone;
  reason: string | null;
}) {
  return (
    <li data-job-id={jobId} className="flex items-baseline gap-2 px-2 py-1">
      <span className="font-mono" title={jobId}>
        {shortId(jobId)}
      </span>
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${toneClass[tone]}`}>{outcome}</span>
      {reason && <span className="min-w-0 text-xs break-words text-zinc-600 dark:text-zinc-400">{reason}</span>}
    </li>
  );
});
