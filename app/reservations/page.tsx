import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ReservationsTable } from "@/components/reservations/reservations-table";
import { reservationsQuery } from "@/lib/queries/stacks";
import { reservationsList } from "@/server/commands/reservations-list";
import { config } from "@/server/config";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export const metadata: Metadata = { title: "Reservations" };

export default async function ReservationsPage() {
  const { pollIntervalMs } = config();
  const queryClient = new QueryClient();
  const envelope = await prefetchCommand(reservationsList, {});
  if (envelope) queryClient.setQueryData(reservationsQuery().queryKey, envelope);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h1 className="text-2xl font-semibold tracking-tight">Reservations</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Jobs the console has reserved and not yet released. A reserved job waits for no agent until it expires or is
        finished.
      </p>
      <ReservationsTable pollIntervalMs={pollIntervalMs} />
    </HydrationBoundary>
  );
}
