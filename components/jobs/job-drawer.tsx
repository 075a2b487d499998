"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { ApiError } from "@/lib/api/api-error";
import { shortId } from "@/lib/filters/jobs";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { jobHistoryQuery, jobStatesQuery } from "@/lib/queries/stacks";
import { CopyButton } from "./copy-button";
import { secondaryButton } from "@/components/ui/form-styles";
import { useDenied } from "@/components/ui/operator-context";
import { DrawerSection } from "./drawer/drawer-section";
import { FinishForm } from "./drawer/finish-form";
import { JobEnv } from "./drawer/job-env";
import { JobHistoryList } from "./drawer/job-history-list";
import { JobMetadata } from "./drawer/job-metadata";
import { JobStateBadge } from "./drawer/job-state-badge";
import { NotifyForm } from "./drawer/notify-form";
import { ReserveForm } from "./drawer/reserve-form";

/** The drawer reads the job's state and history this often while it is open. */
const LIVE_MS = 1000;

interface JobDrawerProps {
  stackKey: string;
  queueKey: string;
  jobId: string;
  /** Undefined once the job has left the scheduled list; the drawer stays open and keeps working. */
  job: ScheduledJob | undefined;
  onClose: () => void;
}

const errorText = (error: unknown) =>
  error instanceof ApiError ? `${error.error.type}: ${error.message}` : error instanceof Error ? error.message : null;

function DrawerBody({ stackKey, jobId, job }: { stackKey: string; jobId: string; job: ScheduledJob | undefined }) {
  const states = useQuery({
    ...jobStatesQuery(stackKey, [jobId]),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
  const history = useQuery({
    ...jobHistoryQuery(stackKey, jobId),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
  const statesData = states.data?.data;
  const state = statesData ? (statesData.states[jobId] ?? "unknown") : undefined;
  const record = history.data?.data;
  // The console's ledger counts a reservation until its own expiry; Buildkite's state is the truth about
  // whether the job is still held (it may have lapsed, started or been finished).
  const reservation = record?.reservation && (state === undefined || state === "reserved") ? record.reservation : null;
  const denied = useDenied("jobs.write");

  return (
    <>
      <JobStateBadge state={state} error={states.error ? errorText(states.error) : null} />
      <DrawerSection title="Details">
        <JobMetadata job={job} />
      </DrawerSection>
      {denied && (
        <p
          data-testid="actions-denied"
          className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-200"
        >
          {denied}
        </p>
      )}
      {/* A disabled fieldset disables every control inside it; the server refuses the action either way. */}
      <fieldset disabled={denied !== null} title={denied ?? undefined} className="contents">
        <DrawerSection title="Reserve">
          <ReserveForm stackKey={stackKey} jobId={jobId} reservation={reservation} />
        </DrawerSection>
        <DrawerSection title="Finish">
          <FinishForm stackKey={stackKey} jobId={jobId} shortId={shortId(jobId)} />
        </DrawerSection>
        <DrawerSection title="Notify">
          <NotifyForm
            stackKey={stackKey}
            jobId={jobId}
            usage={
              record
                ? { sent: record.notificationsSent, cap: record.notificationCap, maxChars: record.notificationMaxChars }
                : undefined
            }
          />
        </DrawerSection>
      </fieldset>
      <DrawerSection title="Environment and command">
        <JobEnv stackKey={stackKey} jobId={jobId} />
      </DrawerSection>
      <DrawerSection title="History">
        {history.error && !record ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Could not load the history. {errorText(history.error)}
          </p>
        ) : (
          <JobHistoryList events={record?.events} />
        )}
      </DrawerSection>
    </>
  );
}

/** A side panel for one job: what it is, what state it is in, what was done to it, and the actions. */
export function JobDrawer({ stackKey, jobId, job, onClose }: JobDrawerProps) {
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
      {/* Keyed by job: typed input belongs to one job, and survives every refresh of that job. */}
      <DrawerBody key={jobId} stackKey={stackKey} jobId={jobId} job={job} />
    </aside>
  );
}
