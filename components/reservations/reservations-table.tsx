"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { StaleWarning } from "@/components/ui/stale-warning";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/api/api-error";
import { formatAge, secondsSince } from "@/lib/format";
import type { Reservation } from "@/lib/schemas/jobs";
import { reservationsQuery } from "@/lib/queries/stacks";

const reservationColumns: DataColumn[] = ["Stack", "Job", "Reserved by", "Reserved at", "Expires"].map((label) => ({
  label,
}));

function Countdown({ expiresAt, now }: { expiresAt: string; now: number }) {
  const left = (Date.parse(expiresAt) - now) / 1000;
  if (!(left > 0)) return <span className="font-semibold text-red-700 dark:text-red-300">expired</span>;
  // Under a minute left is worth the operator's eye: extend it or let it go.
  const tone = left < 60 ? "font-semibold text-amber-800 dark:text-amber-300" : "";
  return <span className={tone}>in {formatAge(left)}</span>;
}

function ReservationRow({ reservation, now }: { reservation: Reservation; now: number }) {
  const { stackKey, jobId, reservedBy, reservedAt, expiresAt } = reservation;
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800">
      <td className="px-4 py-2 font-mono text-xs">{stackKey}</td>
      <td className="px-4 py-2 font-mono text-xs">
        <Link
          href={`/stacks/${encodeURIComponent(stackKey)}?job=${encodeURIComponent(jobId)}`}
          className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
        >
          {jobId}
        </Link>
      </td>
      <td className="px-4 py-2">{reservedBy}</td>
      {/* Local time and ticking ages differ between the server render and the browser by design. */}
      <td className="px-4 py-2 tabular-nums" suppressHydrationWarning>
        <time dateTime={reservedAt} title={reservedAt} suppressHydrationWarning>
          {new Date(reservedAt).toLocaleTimeString()}
        </time>{" "}
        <span className="text-xs text-zinc-600 dark:text-zinc-400" suppressHydrationWarning>
          ({formatAge(secondsSince(reservedAt, now))} ago)
        </span>
      </td>
      <td className="px-4 py-2 tabular-nums" data-testid="expires-in" suppressHydrationWarning>
        <time dateTime={expiresAt} title={expiresAt}>
          <Countdown expiresAt={expiresAt} now={now} />
        </time>
      </td>
    </tr>
  );
}

export function ReservationsTable({ pollIntervalMs }: { pollIntervalMs: number }) {
  const query = useQuery({
    ...reservationsQuery(),
    refetchInterval: pollIntervalMs,
    placeholderData: keepPreviousData,
  });
  const now = useNow();
  const reservations = query.data?.data;
  const error = query.error instanceof ApiError ? query.error : null;

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
        <DataTable
          caption="Reservations held by the console, soonest to expire first"
          columns={reservationColumns}
          padding="px-4"
        >
          {reservations.map((reservation) => (
            <ReservationRow key={`${reservation.stackKey}/${reservation.jobId}`} reservation={reservation} now={now} />
          ))}
        </DataTable>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Refreshes every {Math.round(pollIntervalMs / 1000)}s.</p>
    </div>
  );
}
