import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { BuildsListView } from "@/components/builds/builds-list-view";
import { buildsListApiQuery, parseBuildFilters } from "@/lib/filters/builds";
import { buildsListQuery } from "@/lib/queries/builds";
import { buildsList } from "@/server/commands/builds-list";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export const metadata: Metadata = { title: "Builds" };

export default async function BuildsPage({ searchParams }: PageProps<"/builds">) {
  const search = await searchParams;
  const filters = parseBuildFilters({ get: (name) => (typeof search[name] === "string" ? search[name] : null) });
  // The first page of the list arrives in the HTML; later filter changes are read by the browser.
  const queryClient = new QueryClient();
  const envelope = await prefetchCommand(buildsList, { query: buildsListApiQuery(filters) });
  if (envelope) queryClient.setQueryData(buildsListQuery(filters).queryKey, envelope);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h1 className="text-2xl font-semibold tracking-tight">Builds</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Builds of the organization, newest first. Open one to see its jobs, annotations and artifacts.
      </p>
      {/* useSearchParams needs a boundary; the page is rendered per request, so it resolves on the server. */}
      <Suspense>
        <BuildsListView />
      </Suspense>
    </HydrationBoundary>
  );
}
