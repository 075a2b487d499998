"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { secondaryButton } from "@/components/ui/form-styles";
import { failure, type ActionResult } from "@/lib/action-results";
import { durationSeconds, formatDurationSeconds } from "@/lib/build-format";
import { useDenied } from "@/components/ui/operator-context";
import { hasState, isFailedJob, isWaiter } from "@/lib/build-jobs";
import { useRetryJob, useUnblockJob } from "@/lib/mutations/builds";
import type { BuildJob } from "@/lib/schemas/builds";
import { shortId } from "@/lib/filters/jobs";
import { capabilityBlockedReason, type CapabilityAccess } from "./capability-access";
import { JobAttempts } from "./job-attempts";
import { retryableJobStates, StateBadge } from "./state-badge";
import { UnblockDialog } from "./unblock-dialog";

// The build's jobs, failed ones first, each with its log, its retry and its way back to the stack page.

export const jobAnchor = (jobId: string) => `job-${jobId}`;

/** A block step still waiting for someone to let the build continue. */
const isUnblockable = (job: BuildJob) => job.type === "manual" && job.state === "blocked";

/** Waiters that stand between two listed jobs; one at either end, or right after another, would separate nothing. */
function separatingWaiters(jobs: BuildJob[]): BuildJob[] {
  return jobs.filter((job, i) => {
    if (!isWaiter(job)) return true;
    const previous = jobs[i - 1];
    return previous !== undefined && !isWaiter(previous) && jobs.slice(i + 1).some((next) => !isWaiter(next));
  });
}

/**
 * The failed jobs (in the server's order), then every other job in the build's own order, with the
 * waiters between them shown where they stand, as Buildkite draws a wait step between steps.
 */
export function orderJobs(
  jobs: BuildJob[],
  failedJobIds: readonly string[] | null,
): { ordered: BuildJob[]; failed: Set<string> } {
  const steps = jobs.filter((job) => !isWaiter(job));
  const failedIds = failedJobIds ?? steps.filter(isFailedJob).map((job) => job.id);
  const byId = new Map(steps.map((job) => [job.id, job]));
  const failedFirst = failedIds.flatMap((id) => byId.get(id) ?? []);
  const failed = new Set(failedFirst.map((job) => job.id));
  return { ordered: [...failedFirst, ...separatingWaiters(jobs.filter((job) => !failed.has(job.id)))], failed };
}

interface BuildJobsTableProps {
  pipeline: string;
  number: number;
  jobs: BuildJob[];
  failedJobIds: readonly string[] | null;
  /** `auth.status`'s jobsRetry capability (undefined when the server does not report it) and REST token. */
  retryAccess: CapabilityAccess;
  /** The same for jobsUnblock. */
  unblockAccess: CapabilityAccess;
  /** The console's stack, for links from scheduled jobs back to the stack page; null until known. */
  stackKey: string | null;
  now: number;
}

const td = "px-3 py-2 align-top";
const jobColumns: DataColumn[] = [
  { label: "State" },
  { label: "Job" },
  { label: "Exit", numeric: true },
  { label: "Agent" },
  { label: "Duration", numeric: true },
  { label: "Links and actions" },
];
const link =
  "rounded text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400";

/** A wait step: no state, log or action of its own, only a line between the steps it separates. */
function WaitRow({ job }: { job: BuildJob }) {
  return (
    <tr
      data-testid="build-wait-step"
      data-job-id={job.id}
      className="border-t border-dashed border-zinc-300 dark:border-zinc-700"
    >
      <td colSpan={jobColumns.length} className="px-3 py-1 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-semibold tracking-wide uppercase">Wait</span> — later steps start once the earlier ones
        have finished
      </td>
    </tr>
  );
}

export function BuildJobsTable({
  pipeline,
  number,
  jobs,
  failedJobIds,
  retryAccess,
  unblockAccess,
  stackKey,
  now,
}: BuildJobsTableProps) {
  const reasonId = useId();
  const unblockReasonId = useId();
  const retry = useRetryJob(pipeline, number);
  const unblock = useUnblockJob(pipeline, number);
  const [confirming, setConfirming] = useState<BuildJob | null>(null);
  const [unblocking, setUnblocking] = useState<BuildJob | null>(null);
  const [result, setResult] = useState<(ActionResult & { newJob?: BuildJob }) | null>(null);
  const denied = useDenied("jobs.write");
  const blockedReason = denied ?? capabilityBlockedReason(retryAccess, "Retry");
  const unblockBlockedReason = denied ?? capabilityBlockedReason(unblockAccess, "Unblock");
  // Said once for the table: a viewer's reason is the same for both actions.
  const showUnblockReason =
    unblockBlockedReason !== null &&
    unblockAccess !== "loading" &&
    unblockBlockedReason !== blockedReason &&
    jobs.some(isUnblockable);
  const { ordered, failed } = orderJobs(jobs, failedJobIds);
  const base = `/builds/${encodeURIComponent(pipeline)}/${number}`;

  const confirm = () => {
    const job = confirming;
    if (!job) return;
    retry.mutate(job.id, {
      onSuccess: (envelope) =>
        setResult({ ok: true, message: `Job ${shortId(job.id)} retried as new job`, newJob: envelope.data.job }),
      onError: (error) => setResult(failure(error)),
      onSettled: () => setConfirming(null),
    });
  };

  const confirmUnblock = (fields: Record<string, string>) => {
    const job = unblocking;
    if (!job) return;
    unblock.mutate(
      { jobId: job.id, fields },
      {
        onSuccess: (envelope) =>
          setResult({
            ok: true,
            message: `${envelope.data.job.name ?? `Job ${shortId(job.id)}`} unblocked: the build continues.`,
          }),
        onError: (error) => setResult(failure(error)),
        onSettled: () => setUnblocking(null),
      },
    );
  };

  return (
    <div className="space-y-3">
      {blockedReason && retryAccess !== "loading" && (
        <p
          id={reasonId}
          className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-200"
        >
          {blockedReason}
        </p>
      )}
      {showUnblockReason && (
        <p
          id={unblockReasonId}
          className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-200"
        >
          {unblockBlockedReason}
        </p>
      )}
      {result &&
        (result.ok && result.newJob ? (
          <p
            role="status"
            className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200"
          >
            {result.message}{" "}
            <a
              href={`#${jobAnchor(result.newJob.id)}`}
              className="font-mono font-semibold underline"
              data-testid="retried-job-link"
            >
              {shortId(result.newJob.id)}
            </a>
            {result.newJob.state !== null && ` (${result.newJob.state})`}.
          </p>
        ) : (
          <ActionMessage result={result} />
        ))}
      {failed.size > 0 && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {failed.size} failed job{failed.size === 1 ? "" : "s"} listed first.
        </p>
      )}
      {ordered.every(isWaiter) ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          This build has no jobs yet.
        </p>
      ) : (
        <DataTable caption="Jobs of the build, failed jobs first" columns={jobColumns}>
          {ordered.map((job) => {
            if (isWaiter(job)) return <WaitRow key={job.id} job={job} />;
            const short = shortId(job.id);
            const canRetry = hasState(job, retryableJobStates) && !job.retried;
            return (
              <tr
                key={job.id}
                id={jobAnchor(job.id)}
                data-testid="build-job"
                data-job-id={job.id}
                data-failed={failed.has(job.id) || undefined}
                className={`scroll-mt-4 border-t border-zinc-100 target:bg-blue-50 dark:border-zinc-800 dark:target:bg-blue-500/10 ${
                  failed.has(job.id) ? "border-l-4 border-l-red-600 dark:border-l-red-400" : ""
                }`}
              >
                <td className={td}>
                  {job.state !== null && <StateBadge state={job.state} />}
                  {job.softFailed && <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">soft failed</span>}
                </td>
                <td className={`${td} min-w-48`}>
                  <span className="font-medium break-words">{job.name ?? job.stepKey ?? job.type}</span>
                  <span className="mt-0.5 block font-mono text-xs text-zinc-600 dark:text-zinc-400" title={job.id}>
                    {short}
                    {job.stepKey && job.name ? ` · ${job.stepKey}` : ""}
                  </span>
                  <JobAttempts job={job} jobs={jobs} hrefFor={(id) => `#${jobAnchor(id)}`} className="mt-0.5 text-xs" />
                </td>
                <td className={`${td} text-right font-mono tabular-nums`}>{job.exitStatus ?? "—"}</td>
                <td className={`${td} max-w-40 truncate`} title={job.agentName ?? undefined}>
                  {job.agentName ?? "—"}
                </td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`} suppressHydrationWarning>
                  {formatDurationSeconds(durationSeconds(job.startedAt, job.finishedAt, now))}
                </td>
                <td className={td}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    {job.hasLog && (
                      <Link
                        href={`${base}/jobs/${encodeURIComponent(job.id)}`}
                        className={link}
                        aria-label={`Log of job ${short}`}
                      >
                        Log
                      </Link>
                    )}
                    {job.state === "scheduled" && stackKey && (
                      <Link
                        href={`/stacks/${encodeURIComponent(stackKey)}?job=${encodeURIComponent(job.id)}`}
                        className={link}
                        aria-label={`Open job ${short} in the stack's queue`}
                      >
                        In queue
                      </Link>
                    )}
                    {canRetry && (
                      <button
                        type="button"
                        className={`${secondaryButton} px-2 py-0.5 text-xs`}
                        disabled={blockedReason !== null || retry.isPending}
                        aria-describedby={blockedReason && retryAccess !== "loading" ? reasonId : undefined}
                        title={blockedReason ?? undefined}
                        aria-label={`Retry job ${short}`}
                        onClick={() => {
                          setResult(null);
                          setConfirming(job);
                        }}
                      >
                        Retry
                      </button>
                    )}
                    {isUnblockable(job) && (
                      <button
                        type="button"
                        className={`${secondaryButton} px-2 py-0.5 text-xs`}
                        disabled={unblockBlockedReason !== null || unblock.isPending}
                        aria-describedby={
                          unblockBlockedReason && unblockAccess !== "loading"
                            ? showUnblockReason
                              ? unblockReasonId
                              : reasonId
                            : undefined
                        }
                        title={unblockBlockedReason ?? undefined}
                        aria-label={`Unblock ${job.name ?? `job ${short}`}`}
                        onClick={() => {
                          setResult(null);
                          setUnblocking(job);
                        }}
                      >
                        Unblock
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <UnblockDialog
        key={unblocking?.id ?? "closed"}
        jobLabel={unblocking ? (unblocking.name ?? `job ${shortId(unblocking.id)}`) : null}
        busy={unblock.isPending}
        onConfirm={confirmUnblock}
        onCancel={() => setUnblocking(null)}
      />
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `Retry job ${shortId(confirming.id)}?` : ""}
        busy={retry.isPending}
        busyLabel="Retrying…"
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        <p>
          Buildkite will schedule a new copy of{" "}
          <span className="font-medium">{confirming?.name ?? confirming?.stepKey ?? "this job"}</span> in build #
          {number}. The failed job stays as it is, marked retried.
        </p>
      </ConfirmDialog>
    </div>
  );
}
