import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StackView } from "@/components/jobs/stack-view";
import { parseFilters } from "@/lib/filters/jobs";
import { firstScreen } from "@/lib/live/first-screen";
import { queueQuery, queuesQuery, scheduledJobsQuery } from "@/lib/queries/stacks";
import { jobsScheduledList } from "@/server/commands/jobs-scheduled-list";
import { queueGet } from "@/server/commands/queue-get";
import { queuesList } from "@/server/commands/queues-list";
import { config } from "@/server/config";
import { prefetchCommand } from "@/server/route-kit/prefetch";
import { runtime } from "@/server/runtime";
import { watchedQueues } from "@/server/stacks/watched-queues";

export async function generateMetadata({ params, searchParams }: PageProps<"/stacks/[key]">): Promise<Metadata> {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const queue = typeof search.queue === "string" ? search.queue : config().queueKeys[0];
  return { title: `${queue} · ${key}` };
}

/**
 * The console watches one configured stack and the queues the home page shows (configured, or every queue
 * of the cluster); without `?queue=` the first of them. Anything else is a 404.
 */
export default async function StackPage({ params, searchParams }: PageProps<"/stacks/[key]">) {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const { stackKey, pollIntervalMs, thresholds } = config();
  if (key !== stackKey) notFound();
  const { queueKeys } = await watchedQueues(await runtime(), stackKey);
  const queueKey = typeof search.queue === "string" ? search.queue : queueKeys[0];
  if (queueKey === undefined || !queueKeys.includes(queueKey)) notFound();

  // The queue and its jobs come from the server's shared snapshot, so prefetching them costs one upstream
  // pass; the HTML carries only the first screenful of rows (5000 jobs would make it megabytes), and the
  // browser reads the rest at once. The watched queues were just read above.
  const queryClient = new QueryClient();
  const [queue, jobs, watched] = await Promise.all([
    prefetchCommand(queueGet, { params: { key }, query: { queue: queueKey } }),
    prefetchCommand(jobsScheduledList, { params: { key }, query: { queue: queueKey, all: "1" } }),
    prefetchCommand(queuesList, { params: { key } }),
  ]);
  if (queue) queryClient.setQueryData(queueQuery(stackKey, queueKey).queryKey, queue);
  if (watched) queryClient.setQueryData(queuesQuery(stackKey).queryKey, watched);
  if (jobs) {
    const filters = parseFilters({ get: (name) => (typeof search[name] === "string" ? search[name] : null) });
    const openJob = typeof search.job === "string" ? search.job : null;
    queryClient.setQueryData(scheduledJobsQuery(stackKey, queueKey).queryKey, firstScreen(jobs, filters, openJob));
  }

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <StackView
        key={queueKey}
        stackKey={stackKey}
        queueKey={queueKey}
        pollIntervalMs={pollIntervalMs}
        thresholds={thresholds}
      />
    </HydrationBoundary>
  );
}
