import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StackView } from "@/components/jobs/stack-view";
import { queueQuery, scheduledJobsQuery } from "@/lib/queries/stacks";
import { jobsScheduledList } from "@/server/commands/jobs-scheduled-list";
import { queueGet } from "@/server/commands/queue-get";
import { config } from "@/server/config";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export async function generateMetadata({ params, searchParams }: PageProps<"/stacks/[key]">): Promise<Metadata> {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const queue = typeof search.queue === "string" ? search.queue : config().queueKeys[0];
  return { title: `${queue} · ${key}` };
}

/** The console watches one configured stack; its queues are the configured ones. Anything else is a 404. */
export default async function StackPage({ params, searchParams }: PageProps<"/stacks/[key]">) {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const { stackKey, queueKeys, pollIntervalMs } = config();
  const queueKey = typeof search.queue === "string" ? search.queue : queueKeys[0];
  if (key !== stackKey || queueKey === undefined || !queueKeys.includes(queueKey)) notFound();

  // Both reads come from the server's shared snapshot, so prefetching them costs one upstream pass and the
  // first screenful of rows arrives in the HTML.
  const queryClient = new QueryClient();
  const [queue, jobs] = await Promise.all([
    prefetchCommand(queueGet, { params: { key }, query: { queue: queueKey } }),
    prefetchCommand(jobsScheduledList, { params: { key }, query: { queue: queueKey, all: "1" } }),
  ]);
  if (queue) queryClient.setQueryData(queueQuery(stackKey, queueKey).queryKey, queue);
  if (jobs) queryClient.setQueryData(scheduledJobsQuery(stackKey, queueKey).queryKey, jobs);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <StackView key={queueKey} stackKey={stackKey} queueKey={queueKey} pollIntervalMs={pollIntervalMs} />
    </HydrationBoundary>
  );
}
