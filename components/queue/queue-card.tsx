"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ApiError } from "@/lib/api/api-error";
import { userLabel } from "@/lib/schemas/buildkite-user";
import { formatAge, secondsSince } from "@/lib/format";
import { queueQuery } from "@/lib/queries/stacks";
import type { QueuePause } from "@/lib/schemas/queue";
import { StaleWarning } from "@/components/ui/stale-warning";
import { useNow } from "@/components/ui/use-now";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      {/* Ages differ between the server render and hydration by design; they tick from then on. */}
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId} suppressHydrationWarning>
        {value}
      </dd>
    </div>
  );
}

function pauseTitle(pause: QueuePause | null): string | undefined {
  if (pause === null) return undefined;
  const who = pause.by ? ` by ${userLabel(pause.by)}` : "";
  return pause.note ? `Paused${who}: ${pause.note}` : `Paused${who}`;
}

export function QueueCard({
  stackKey,
  queueKey,
  pollIntervalMs,
}: {
  stackKey: string;
  queueKey: string;
  pollIntervalMs: number;
}) {
  const query = useQuery({
    ...queueQuery(stackKey, queueKey),
    refetchInterval: pollIntervalMs,
    placeholderData: keepPreviousData,
  });
  const now = useNow();
  const view = query.data?.data;
  const error = query.error instanceof ApiError ? query.error : null;

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
      </header>

      {view ? (
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat
            label="Scheduled jobs"
            value={`${view.scheduledCount}${view.countComplete ? "" : "+"}`}
            testId="scheduled-count"
          />
          <Stat
            label="Oldest waiting"
            value={view.oldestScheduledAt ? formatAge(secondsSince(view.oldestScheduledAt, now)) : "—"}
            testId="oldest-wait"
          />
          <Stat
            label="Updated"
            value={`${formatAge(secondsSince(query.dataUpdatedAt, now))} ago`}
            testId="updated-ago"
          />
        </dl>
      ) : (
        !error && <p className="mt-4 text-sm text-zinc-500">Loading…</p>
      )}

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
