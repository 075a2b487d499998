"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useRowSelection } from "@/components/jobs/use-row-selection";
import { StaleWarning } from "@/components/ui/stale-warning";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/api/api-error";
import type { Reservation } from "@/lib/schemas/jobs";
import { reservationsQuery } from "@/lib/queries/stacks";
import { allSelected } from "@/lib/selection";
import { ReservationActions } from "./reservation-actions";
import { ReservationRow } from "./reservation-row";
import type { ReservationTarget } from "./use-reservation-run";

const columns = ["Pipeline", "Build", "Job", "Stack", "Queue", "Reserved by", "Reserved at", "Expires"];

/** A reservation belongs to the stack that holds it: the pair names it. */
const keyOf = (r: ReservationTarget) => `${r.stackKey}/${r.jobId}`;
const noReservations: Reservation[] = [];

export function ReservationsTable({ pollIntervalMs }: { pollIntervalMs: number }) {
  const query = useQuery({
    ...reservationsQuery(),
    refetchInterval: pollIntervalMs,
    placeholderData: keepPreviousData,
  });
  const now = useNow();
  const reservations = query.data?.data;
  const error = query.error instanceof ApiError ? query.error : null;

  const listed = reservations ?? noReservations;
  const keys = useMemo(() => listed.map(keyOf), [listed]);
  const byKey = useMemo(() => new Map(listed.map((r) => [keyOf(r), r])), [listed]);
  const { selection, selectedIds, onToggle, onToggleAll, clearSelection } = useRowSelection(keys, keys);
  const selected = useMemo(
    () =>
      selectedIds.flatMap((key) => {
        const reservation = byKey.get(key);
        return reservation ? [reservation] : [];
      }),
    [selectedIds, byKey],
  );
  const toggleRow = useCallback((key: string, range: boolean) => onToggle(key, range), [onToggle]);

  return (
    <div className="mt-6 space-y-3">
      {error && <StaleWarning error={error} hasData={Boolean(reservations)} />}
      {reservations === undefined ? (
        !error && <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
      ) : reservations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No reservations held by the console
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Reservations held by the console, soonest to expire first</caption>
            <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-800/60 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={`Select all ${reservations.length} reservations`}
                    checked={allSelected(selection, keys)}
                    onChange={onToggleAll}
                    className="size-4 accent-blue-600"
                  />
                </th>
                {columns.map((label) => (
                  <th key={label} scope="col" className="px-3 py-2 font-medium">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reservations.map((reservation) => {
                const key = keyOf(reservation);
                return (
                  <ReservationRow
                    key={key}
                    reservation={reservation}
                    now={now}
                    selected={selection.has(key)}
                    onToggle={(range) => toggleRow(key, range)}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {/* Below the rows, so picking one never moves the others under the pointer; sticky, so it stays in
          view on a long list. Always mounted: acted-on jobs leave the list, their results stay until dismissed. */}
      <div className="sticky bottom-4 z-10">
        <ReservationActions selected={selected} onClear={clearSelection} />
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Refreshes every {Math.round(pollIntervalMs / 1000)}s.</p>
    </div>
  );
}
