"use client";

import { OctagonPause } from "lucide-react";
import { userLabel } from "@/lib/schemas/buildkite-user";
import { formatAge, secondsSince } from "@/lib/format";
import type { QueuePause, QueueState } from "@/lib/schemas/queue";

interface QueueHeaderProps {
  queue: QueueState | undefined;
  /** Jobs on screen that have waited longer than `thresholdSeconds`. */
  overThreshold: number | undefined;
  thresholdSeconds: number;
  now: number;
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="min-w-28">
      <dt className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId} suppressHydrationWarning>
        {value}
      </dd>
    </div>
  );
}

/** "Paused by Ada 3m 05s ago — “db migration”", with whichever parts Buildkite knows. */
function PauseLine({ pause, now }: { pause: QueuePause; now: number }) {
  const who = pause.by ? ` by ${userLabel(pause.by)}` : "";
  const when = pause.at ? ` ${formatAge(secondsSince(pause.at, now))} ago` : "";
  return (
    <p className="font-normal" data-testid="pause-details" suppressHydrationWarning>
      <span title={pause.by?.email ?? undefined}>Paused{who}</span>
      {when && <time dateTime={pause.at ?? undefined}>{when}</time>}
      {pause.note ? <> — “{pause.note}”</> : " — no note given"}
    </p>
  );
}

/** Why the banner cannot say who paused the queue: a missing token or scope is a setup task, anything else a failure. */
function PauseUnavailableLine({ queue }: { queue: QueueState }) {
  const unavailable = queue.pauseUnavailable;
  if (unavailable === null) return null;
  const needsSetup = unavailable.reason === "no_token" || unavailable.reason === "missing_scope";
  return (
    <p className="text-sm font-normal text-red-50" data-testid="pause-details-unavailable" title={unavailable.message}>
      {needsSetup
        ? "Who paused it and why needs a REST API token with read_clusters."
        : `Who paused it and why is unknown: ${unavailable.message}`}
    </p>
  );
}

/** Answers "is this queue healthy?" at a glance: dispatch, backlog, and how long the oldest job waited. */
export function QueueHeader({ queue, overThreshold, thresholdSeconds, now }: QueueHeaderProps) {
  const thresholdLabel = formatAge(thresholdSeconds).replace(" 00s", "");
  return (
    <div className="space-y-3">
      {queue?.dispatchPaused && (
        <div
          role="alert"
          className="flex items-center gap-3 rounded-lg border-2 border-red-600 bg-red-600 px-4 py-3 font-semibold text-white shadow-sm dark:border-red-500 dark:bg-red-700"
        >
          <OctagonPause aria-hidden className="size-6 shrink-0" />
          <div className="space-y-0.5">
            <p>
              Dispatch paused — agents take no jobs from queue <span className="font-mono">{queue.queueKey}</span> until
              it is resumed.
            </p>
            {queue.pause ? <PauseLine pause={queue.pause} now={now} /> : <PauseUnavailableLine queue={queue} />}
          </div>
        </div>
      )}
      <dl className="flex flex-wrap gap-x-8 gap-y-3">
        <Stat
          label="Scheduled jobs"
          value={queue ? `${queue.scheduledCount}${queue.countComplete ? "" : "+"}` : "—"}
          testId="scheduled-count"
        />
        <Stat
          label="Oldest waiting"
          value={queue?.oldestScheduledAt ? formatAge(secondsSince(queue.oldestScheduledAt, now)) : "—"}
          testId="oldest-wait"
        />
        <Stat
          label={`Waiting > ${thresholdLabel}`}
          value={overThreshold === undefined ? "—" : String(overThreshold)}
          testId="over-threshold"
        />
        <Stat
          label="Dispatch"
          value={queue ? (queue.dispatchPaused ? "Paused" : "Dispatching") : "—"}
          testId="dispatch-state"
        />
      </dl>
    </div>
  );
}
