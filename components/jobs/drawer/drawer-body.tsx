"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, errorText } from "@/lib/api/api-error";
import { shortId } from "@/lib/filters/jobs";
import { finishBlocked, reserveBlocked } from "@/lib/job-actions";
import { jobHistoryQuery, jobStatesQuery } from "@/lib/queries/stacks";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { useDenied } from "@/components/ui/operator-context";
import { DrawerSection } from "./drawer-section";
import { FinishForm } from "./finish-form";
import { JobEnv } from "./job-env";
import { JobHistoryList } from "./job-history-list";
import { JobLinks } from "./job-links";
import { JobMetadata } from "./job-metadata";
import { JobStateBadge } from "./job-state-badge";
import { NoSuchJob } from "./no-such-job";
import { NotifySection } from "./notify-section";
import { ReserveForm } from "./reserve-form";
import { useJobContext } from "./use-job-context";

/** The drawer reads the job's state and history this often while it is open. */
const LIVE_MS = 1000;

interface DrawerBodyProps {
  stackKey: string;
  queueKey: string;
  jobId: string;
  /** The job's row while it is in the scheduled list. */
  job: ScheduledJob | undefined;
}

/** One job's state, details, links, the actions its state allows, env and command, and history. */
export function DrawerBody({ stackKey, queueKey, jobId, job }: DrawerBodyProps) {
  const states = useQuery({
    ...jobStatesQuery(stackKey, [jobId]),
    // Buildkite leaves an id it does not know out of its answer (the API lists it in `unknown`): a job
    // that does not exist will not start to, so stop asking.
    refetchInterval: (query) => (query.state.data?.data.unknown.includes(jobId) ? false : LIVE_MS),
    placeholderData: keepPreviousData,
  });
  const statesData = states.data?.data;
  const missing = statesData?.unknown.includes(jobId) === true;
  const rejected = states.error instanceof ApiError && states.error.error.type === "validation_error";
  const history = useQuery({
    ...jobHistoryQuery(stackKey, jobId),
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
    enabled: !missing && !rejected,
  });
  // Until Buildkite answers, a job in the scheduled list is scheduled.
  const state = statesData?.states[jobId] ?? (statesData || !job ? undefined : "scheduled");
  const context = useJobContext(stackKey, queueKey, jobId, job, state);
  const denied = useDenied("jobs.write");

  if (rejected) return <NoSuchJob jobId={jobId} reason="not-a-job-id" />;
  if (missing) return <NoSuchJob jobId={jobId} reason="unknown" />;

  const record = history.data?.data;
  // The console's ledger counts a reservation until its own expiry; Buildkite's state is the truth about
  // whether the job is still held (it may have lapsed, started or been finished).
  const reservation = record?.reservation && (state === undefined || state === "reserved") ? record.reservation : null;
  const finishedHere = record?.events.find((event) => event.action === "finish" && event.outcome === "ok");
  const finishedAt = context?.finishedAt ?? finishedHere?.at ?? null;

  return (
    <>
      <JobStateBadge state={statesData?.states[jobId]} error={states.error ? errorText(states.error) : null} />
      <DrawerSection title="Details">
        <JobLinks context={context} jobId={jobId} />
        <JobMetadata context={context} />
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
          <ReserveForm
            stackKey={stackKey}
            jobId={jobId}
            reservation={reservation}
            unavailable={reserveBlocked(state)}
          />
        </DrawerSection>
        <DrawerSection title="Finish">
          <FinishForm stackKey={stackKey} jobId={jobId} shortId={shortId(jobId)} unavailable={finishBlocked(state)} />
        </DrawerSection>
        <DrawerSection title="Notify">
          <NotifySection
            stackKey={stackKey}
            jobId={jobId}
            state={state}
            finishedAt={finishedAt}
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
