"use client";

import { useEffect, useId, useRef } from "react";
import { shortId } from "@/lib/filters/jobs";
import { jobIdInput } from "@/lib/inputs/stacks";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { CopyButton } from "./copy-button";
import { secondaryButton } from "@/components/ui/form-styles";
import { DrawerBody } from "./drawer/drawer-body";
import { NoSuchJob } from "./drawer/no-such-job";

interface JobDrawerProps {
  stackKey: string;
  queueKey: string;
  jobId: string;
  /** Undefined once the job has left the scheduled list; the drawer stays open and keeps working. */
  job: ScheduledJob | undefined;
  onClose: () => void;
}

/** A side panel for one job: what it is, what state it is in, what was done to it, and the actions. */
export function JobDrawer({ stackKey, queueKey, jobId, job, onClose }: JobDrawerProps) {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);

  // Focus moves into the drawer when a job opens, so keyboard and screen reader users land on it.
  useEffect(() => panelRef.current?.focus(), [jobId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A confirmation inside the drawer handles its own Esc and marks it handled.
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const short = shortId(jobId);
  return (
    <aside
      ref={panelRef}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      className="fixed inset-y-0 right-0 z-30 w-full max-w-xl overflow-y-auto border-l border-zinc-200 bg-white px-5 pb-8 shadow-xl outline-none dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="sticky top-0 z-10 -mx-5 mb-3 flex items-center gap-2 border-b border-zinc-200 bg-white px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id={headingId} className="font-mono text-lg font-semibold">
          Job {short}
        </h2>
        <CopyButton text={jobId} label="Copy job id" />
        <span className="min-w-0 truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{jobId}</span>
        <button type="button" onClick={onClose} className={`${secondaryButton} ml-auto`}>
          Close
        </button>
      </div>
      {/* An id from the URL that is not a job id (the API would refuse it too) asks Buildkite nothing. */}
      {jobIdInput.safeParse(jobId).success ? (
        // Keyed by job: typed input belongs to one job, and survives every refresh of that job.
        <DrawerBody key={jobId} stackKey={stackKey} queueKey={queueKey} jobId={jobId} job={job} />
      ) : (
        <NoSuchJob jobId={jobId} reason="not-a-job-id" />
      )}
    </aside>
  );
}
