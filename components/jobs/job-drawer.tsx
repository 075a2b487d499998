"use client";

import { useId } from "react";
import { shortId } from "@/lib/job-filters";
import type { ScheduledJob } from "@/lib/jobs-view";

interface JobDrawerProps {
  stackKey: string;
  queueKey: string;
  jobId: string;
  /** Undefined once the job has left the scheduled list; the drawer stays open regardless. */
  job: ScheduledJob | undefined;
  onClose: () => void;
}

export function JobDrawer({ jobId, job, onClose }: JobDrawerProps) {
  const headingId = useId();
  return (
    <aside
      role="dialog"
      aria-labelledby={headingId}
      className="fixed inset-y-0 right-0 z-30 w-full max-w-md border-l border-zinc-200 bg-white p-5 shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between">
        <h2 id={headingId} className="font-mono text-lg font-semibold">
          Job {shortId(jobId)}
        </h2>
        <button type="button" onClick={onClose} className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm dark:border-zinc-700">
          Close
        </button>
      </div>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{job ? `${job.pipeline.slug ?? "—"} #${job.build.number ?? "—"}` : "No longer scheduled."}</p>
    </aside>
  );
}
