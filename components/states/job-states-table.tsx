"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { memo } from "react";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { StaleWarning } from "@/components/ui/stale-warning";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/api/api-error";
import { formatAge, secondsSince } from "@/lib/format";
import { jobStatesQuery } from "@/lib/queries/stacks";

const stateColumns: DataColumn[] = [{ label: "Job" }, { label: "State" }];

// Colours by what the state means to the operator: waiting, held, moving, done well, done badly.
const stateTones: Record<string, string> = {
  scheduled: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
  reserved: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  assigned: "bg-violet-100 text-violet-900 dark:bg-violet-500/15 dark:text-violet-200",
  accepted: "bg-violet-100 text-violet-900 dark:bg-violet-500/15 dark:text-violet-200",
  running: "bg-indigo-100 text-indigo-900 dark:bg-indigo-500/15 dark:text-indigo-200",
  finished: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200",
  passed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
  canceled: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
  expired: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
  timed_out: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
  broken: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
};
const neutralTone = "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";

const StateRow = memo(function StateRow({
  stackKey,
  queueKey,
  id,
  state,
}: {
  stackKey: string;
  queueKey: string;
  id: string;
  state: string | undefined;
}) {
  const href = `/stacks/${encodeURIComponent(stackKey)}?queue=${encodeURIComponent(queueKey)}&job=${id}`;
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800">
      <td className="px-4 py-1.5 font-mono text-xs">
        <Link href={href} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
          {id}
        </Link>
      </td>
      <td className="px-4 py-1.5">
        {state === undefined ? (
          <span className="text-zinc-600 dark:text-zinc-400">…</span>
        ) : (
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${stateTones[state] ?? neutralTone}`}>
            {state}
          </span>
        )}
      </td>
    </tr>
  );
});

export function JobStatesTable({
  stackKey,
  queueKey,
  ids,
  pollIntervalMs,
}: {
  stackKey: string;
  queueKey: string;
  ids: string[];
  pollIntervalMs: number;
}) {
  const query = useQuery({
    ...jobStatesQuery(stackKey, ids),
    refetchInterval: pollIntervalMs,
    placeholderData: keepPreviousData,
  });
  const now = useNow();
  const error = query.error instanceof ApiError ? query.error : null;

  if (ids.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        No jobs watched yet. Paste job ids above, or collect the queue&apos;s scheduled jobs.
      </p>
    );
  }

  const data = query.data?.data;
  const states = data?.states ?? {};
  // While a new list loads, the previous answer is still shown: only ids watched now count.
  const unknownSet = new Set(data?.unknown ?? []);
  const unknown = ids.filter((id) => unknownSet.has(id));
  const known = ids.filter((id) => !unknownSet.has(id));
  const counts = new Map<string, number>();
  for (const id of known) {
    const state = states[id];
    if (state !== undefined) counts.set(state, (counts.get(state) ?? 0) + 1);
  }

  return (
    <section aria-labelledby="watched-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="watched-heading" className="text-lg font-semibold">
          Watching {ids.length} {ids.length === 1 ? "job" : "jobs"}
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400" suppressHydrationWarning>
          {query.dataUpdatedAt > 0
            ? `Updated ${formatAge(secondsSince(query.dataUpdatedAt, now))} ago · `
            : "Loading… · "}
          refreshes every {Math.round(pollIntervalMs / 1000)}s
        </p>
      </div>
      {counts.size > 0 && (
        <ul aria-label="Jobs by state" className="flex flex-wrap gap-2 text-xs">
          {[...counts].map(([state, count]) => (
            <li key={state} className={`rounded-full px-2 py-0.5 font-semibold ${stateTones[state] ?? neutralTone}`}>
              {state}: {count}
            </li>
          ))}
        </ul>
      )}
      {error && <StaleWarning error={error} hasData={Boolean(data)} />}

      {known.length > 0 && (
        <DataTable caption="States of the watched jobs" columns={stateColumns} padding="px-4">
          {known.map((id) => (
            <StateRow key={id} stackKey={stackKey} queueKey={queueKey} id={id} state={states[id]} />
          ))}
        </DataTable>
      )}

      {unknown.length > 0 && (
        <section
          aria-labelledby="unknown-heading"
          className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h3 id="unknown-heading" className="text-sm font-semibold">
            Unknown to Buildkite ({unknown.length})
          </h3>
          <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            Buildkite returned no state for these ids: they belong to another stack or organization, or never existed.
          </p>
          <ul className="mt-2 space-y-0.5 font-mono text-xs">
            {unknown.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
