"use client";

import { OctagonPause } from "lucide-react";
import { userLabel } from "@/lib/schemas/buildkite-user";
import { formatAge, secondsSince } from "@/lib/format";
import { formatLocalMoment } from "@/lib/local-time";
import type { QueuePause, QueueState } from "@/lib/schemas/queue";
import { queueLevels, type Thresholds } from "@/lib/thresholds";
import { LevelBadge } from "./level-badge";
import { LevelStat } from "./level-stat";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLevelTitle } from "./use-level-title";

interface QueueHeaderProps {
  queue: QueueState | undefined;
  /** Jobs on screen that have waited longer than `thresholds.waitSeconds.warning`. */
  overThreshold: number | undefined;
  thresholds: Thresholds;
  now: number;
}

/**
 * "Paused by Ada 3m 05s ago (at 03:14:07 CET, 2026-12-06) — “db migration”", with whichever parts
 * Buildkite knows. The exact time is in the browser's zone, so it is written only once hydrated.
 */
function PauseLine({ pause, now }: { pause: QueuePause; now: number }) {
  const hydrated = useHydrated();
  const who = pause.by ? ` by ${userLabel(pause.by)}` : "";
  const when = pause.at ? ` ${formatAge(secondsSince(pause.at, now))} ago` : "";
  const moment = hydrated && pause.at ? formatLocalMoment(pause.at) : null;
  return (
    <p className="font-normal" data-testid="pause-details" suppressHydrationWarning>
      <span title={pause.by?.email ?? undefined}>Paused{who}</span>
      {when && (
        <time dateTime={pause.at ?? undefined} suppressHydrationWarning>
          {when}
          {moment && ` (at ${moment})`}
        </time>
      )}
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
export function QueueHeader({ queue, overThreshold, thresholds, now }: QueueHeaderProps) {
  const thresholdLabel = formatAge(thresholds.waitSeconds.warning).replace(" 00s", "");
  const oldestWait = queue?.oldestScheduledAt ? secondsSince(queue.oldestScheduledAt, now) : null;
  const count = queue ? `${queue.scheduledCount}${queue.countComplete ? "" : "+"}` : "—";
  const age = oldestWait === null ? "—" : formatAge(oldestWait);
  const levels = queue
    ? queueLevels(
        {
          dispatchPaused: queue.dispatchPaused,
          scheduledCount: queue.scheduledCount,
          oldestWaitSeconds: oldestWait,
          longWaits: overThreshold ?? null,
        },
        thresholds,
      )
    : null;
  useLevelTitle(levels?.overall ?? null);
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
      <dl className="flex flex-wrap items-end gap-x-8 gap-y-3">
        <LevelStat
          label="Scheduled jobs"
          value={count}
          spoken={`${count} waiting`}
          level={levels?.backlog ?? "ok"}
          testId="scheduled-count"
          size="lg"
        />
        <LevelStat
          label="Oldest waiting"
          value={age}
          spoken={oldestWait === null ? "no job waiting" : `oldest waited ${age}`}
          level={levels?.oldestWait ?? "ok"}
          testId="oldest-wait"
          size="lg"
        />
        <LevelStat
          label={`Waiting > ${thresholdLabel}`}
          value={overThreshold === undefined ? "—" : String(overThreshold)}
          spoken={`${overThreshold ?? "—"} waiting over ${thresholdLabel}`}
          level={levels?.longWaits ?? "ok"}
          testId="over-threshold"
          size="lg"
        />
        <div className="min-w-28">
          <dt className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Dispatch</dt>
          <dd className="mt-1 text-xl font-semibold" data-testid="dispatch-state">
            {queue ? (queue.dispatchPaused ? "Paused" : "Dispatching") : "—"}
          </dd>
        </div>
        {levels && (
          <div className="min-w-28">
            <dt className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Queue health</dt>
            <dd className="mt-1.5" suppressHydrationWarning>
              <LevelBadge level={levels.overall} testId="queue-level" />
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
