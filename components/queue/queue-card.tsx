"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { ApiError } from "@/lib/api/api-error";
import type { SuccessEnvelope } from "@/lib/api/envelope";
import { userLabel } from "@/lib/schemas/buildkite-user";
import { formatAge, secondsSince } from "@/lib/format";
import type { QueuePause, QueueState } from "@/lib/schemas/queue";
import { queueLevels, type Thresholds } from "@/lib/thresholds";
import { StaleWarning } from "@/components/ui/stale-warning";
import { BacklogSparkline } from "@/components/history/backlog-sparkline";
import { TopFinding } from "@/components/triage/top-finding";
import { LevelBadge } from "./level-badge";
import { LevelStat } from "./level-stat";

export type QueueQueryResult = UseQueryResult<SuccessEnvelope<QueueState>>;

/** A queue's levels from what the card shows: the oldest wait as it ticks, long waits as last read. */
export function cardLevels(view: QueueState, thresholds: Thresholds, now: number) {
  return queueLevels(
    {
      dispatchPaused: view.dispatchPaused,
      scheduledCount: view.scheduledCount,
      oldestWaitSeconds: view.oldestScheduledAt ? secondsSince(view.oldestScheduledAt, now) : null,
      longWaits: view.longWaitCount,
    },
    thresholds,
  );
}

function pauseTitle(pause: QueuePause | null): string | undefined {
  if (pause === null) return undefined;
  const who = pause.by ? ` by ${userLabel(pause.by)}` : "";
  return pause.note ? `Paused${who}: ${pause.note}` : `Paused${who}`;
}

interface QueueCardProps {
  stackKey: string;
  queueKey: string;
  pollIntervalMs: number;
  /** The queue's read, owned by the board so the tab title can sum up every card. */
  query: QueueQueryResult;
  thresholds: Thresholds;
  now: number;
}

export function QueueCard({ stackKey, queueKey, pollIntervalMs, query, thresholds, now }: QueueCardProps) {
  const view = query.data?.data;
  const error = query.error instanceof ApiError ? query.error : null;
  const levels = view ? cardLevels(view, thresholds, now) : null;
  const count = view ? `${view.scheduledCount}${view.countComplete ? "" : "+"}` : "";
  const age = view?.oldestScheduledAt ? formatAge(secondsSince(view.oldestScheduledAt, now)) : "—";
  const longWaitLabel = formatAge(thresholds.waitSeconds.warning).replace(" 00s", "");

  return (
    <section
      aria-label={`Queue ${queueKey} on stack ${stackKey}`}
      className="rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          <span className="font-mono">{queueKey}</span>
          <span className="ml-2 text-sm font-normal text-zinc-500 dark:text-zinc-400">stack {stackKey}</span>
        </h2>
        <div className="flex items-center gap-2">
          {levels && <LevelBadge level={levels.overall} testId="queue-level" />}
          {view &&
            (view.dispatchPaused ? (
              <span
                className="rounded-full bg-red-600 px-2.5 py-0.5 text-xs font-bold text-white uppercase"
                data-testid="dispatch-state"
                title={pauseTitle(view.pause)}
              >
                Dispatch paused
              </span>
            ) : (
              <span
                className="rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300"
                data-testid="dispatch-state"
              >
                Dispatching
              </span>
            ))}
        </div>
      </header>

      {view && levels ? (
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <LevelStat
            label="Scheduled jobs"
            value={count}
            spoken={`${count} waiting`}
            level={levels.backlog}
            testId="scheduled-count"
          />
          <LevelStat
            label="Oldest waiting"
            value={age}
            spoken={view.oldestScheduledAt ? `oldest waited ${age}` : "no job waiting"}
            level={levels.oldestWait}
            testId="oldest-wait"
          />
          <LevelStat
            label={`Waiting > ${longWaitLabel}`}
            value={view.longWaitCount === null ? "—" : String(view.longWaitCount)}
            spoken={`${view.longWaitCount ?? "—"} waiting over ${longWaitLabel}`}
            level={levels.longWaits}
            testId="over-threshold"
          />
          <div>
            <dt className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Updated</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="updated-ago" suppressHydrationWarning>
              {`${formatAge(secondsSince(query.dataUpdatedAt, now))} ago`}
            </dd>
          </div>
        </dl>
      ) : (
        !error && <p className="mt-4 text-sm text-zinc-500">Loading…</p>
      )}

      <div className="mt-4 space-y-3">
        <TopFinding stackKey={stackKey} queueKey={queueKey} refetchInterval={pollIntervalMs} />
        <BacklogSparkline stackKey={stackKey} queueKey={queueKey} />
      </div>

      {error && (
        <div className="mt-4">
          <StaleWarning error={error} hasData={Boolean(view)} />
        </div>
      )}
      <div className="mt-4 flex items-center justify-between gap-3">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Refreshes every {Math.round(pollIntervalMs / 1000)}s.
        </p>
        <Link
          href={`/stacks/${encodeURIComponent(stackKey)}?queue=${encodeURIComponent(queueKey)}`}
          aria-label={`View jobs in queue ${queueKey}`}
          className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          View jobs
        </Link>
      </div>
    </section>
  );
}
