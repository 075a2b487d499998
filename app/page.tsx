import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { QueueBoard } from "@/components/queue/queue-board";
import { queueQuery, queuesQuery } from "@/lib/queries/stacks";
import { queueGet } from "@/server/commands/queue-get";
import { queuesList } from "@/server/commands/queues-list";
import { config } from "@/server/config";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export default async function HomePage() {
  const { stackKey, queueKeys: configured, pollIntervalMs, thresholds } = config();
  const queryClient = new QueryClient();
  const watched = await prefetchCommand(queuesList, { params: { key: stackKey } });
  if (watched) queryClient.setQueryData(queuesQuery(stackKey).queryKey, watched);
  const queueKeys = watched?.data.queueKeys ?? configured;
  await Promise.all(
    queueKeys.map(async (queueKey) => {
      const envelope = await prefetchCommand(queueGet, { params: { key: stackKey }, query: { queue: queueKey } });
      if (envelope) queryClient.setQueryData(queueQuery(stackKey, queueKey).queryKey, envelope);
    }),
  );

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h1 className="text-2xl font-semibold tracking-tight">Queues</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        What stack <span className="font-mono">{stackKey}</span> sees waiting in each queue it watches.
      </p>
      <QueueBoard
        stackKey={stackKey}
        initialQueueKeys={queueKeys}
        pollIntervalMs={pollIntervalMs}
        thresholds={thresholds}
      />
    </HydrationBoundary>
  );
}
