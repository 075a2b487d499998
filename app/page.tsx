import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import { QueueCard } from "@/components/queue/queue-card";
import { queueQuery } from "@/lib/queries/stacks";
import { queueGet } from "@/server/commands/queue-get";
import { config } from "@/server/config";
import { prefetchCommand } from "@/server/route-kit/prefetch";

export default async function HomePage() {
  const { stackKey, queueKeys, pollIntervalMs } = config();
  const queryClient = new QueryClient();
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
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {queueKeys.map((queueKey) => (
          <QueueCard key={queueKey} stackKey={stackKey} queueKey={queueKey} pollIntervalMs={pollIntervalMs} />
        ))}
      </div>
    </HydrationBoundary>
  );
}
