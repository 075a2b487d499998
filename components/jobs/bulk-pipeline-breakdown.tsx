"use client";

import { useMemo, useState } from "react";
import { countByPipeline, type ReviewJob } from "@/lib/bulk-finish-review";

/** Pipelines listed before the rest fold behind a button, so a finish across many pipelines stays readable. */
const SHOWN_PIPELINES = 5;

/** "web: 40, api: 12, docs: 3": where the jobs about to be finished come from, most first. */
export function PipelineBreakdown({ jobs }: { jobs: readonly ReviewJob[] }) {
  const [expanded, setExpanded] = useState(false);
  const counts = useMemo(() => countByPipeline(jobs), [jobs]);
  const folded = counts.slice(SHOWN_PIPELINES);
  const shown = expanded ? counts : counts.slice(0, SHOWN_PIPELINES);
  const foldedJobs = folded.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <div className="space-y-1">
      <ul aria-label="Jobs by pipeline" className="flex flex-wrap gap-x-4 gap-y-1">
        {shown.map(({ pipeline, count }) => (
          <li key={pipeline}>
            <span className="font-mono">{pipeline}</span>: <span className="font-semibold tabular-nums">{count}</span>
          </li>
        ))}
      </ul>
      {folded.length > 0 && (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
          className="text-xs font-medium text-blue-700 underline hover:text-blue-900 dark:text-blue-400 dark:hover:text-blue-300"
        >
          {expanded
            ? "Show fewer pipelines"
            : `Show ${folded.length} more ${folded.length === 1 ? "pipeline" : "pipelines"} (${foldedJobs} ${foldedJobs === 1 ? "job" : "jobs"})`}
        </button>
      )}
    </div>
  );
}
