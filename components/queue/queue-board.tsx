"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { queueQuery, queuesQuery } from "@/lib/queries/stacks";
import { worstLevel, type Thresholds } from "@/lib/thresholds";
import { useNow } from "@/components/ui/use-now";
import { cardLevels, QueueCard } from "./queue-card";
import { useLevelTitle } from "./use-level-title";

/** A new queue in the cluster shows up within this long; the list itself is cached that long upstream. */
const QUEUE_LIST_REFRESH_MS = 60_000;

interface QueueBoardProps {
  stackKey: string;
  /** The queues to show until the list of watched queues has been read. */
  initialQueueKeys: string[];
  pollIntervalMs: number;
  thresholds: Thresholds;
}

/** One card per watched queue, and the worst of their levels in the tab title. */
export function QueueBoard({ stackKey, initialQueueKeys, pollIntervalMs, thresholds }: QueueBoardProps) {
  const watched = useQuery({ ...queuesQuery(stackKey), refetchInterval: QUEUE_LIST_REFRESH_MS });
  const queueKeys = watched.data?.data.queueKeys ?? initialQueueKeys;
  const queries = useQueries({
    queries: queueKeys.map((queueKey) => ({
      ...queueQuery(stackKey, queueKey),
      refetchInterval: pollIntervalMs,
      placeholderData: keepPreviousData,
    })),
  });
  const now = useNow();
  const levels = queries.flatMap((query) => (query.data ? [cardLevels(query.data.data, thresholds, now).overall] : []));
  useLevelTitle(levels.length > 0 ? worstLevel(levels) : null);

  const unavailable = watched.data?.data.unavailable;
  return (
    <>
      {unavailable && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="queues-unavailable">
          Only the default queue is shown: {unavailable}
        </p>
      )}
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {queueKeys.map((queueKey, index) => {
          const query = queries[index];
          return (
            query && (
              <QueueCard
                key={queueKey}
                stackKey={stackKey}
                queueKey={queueKey}
                pollIntervalMs={pollIntervalMs}
                query={query}
                thresholds={thresholds}
                now={now}
              />
            )
          );
        })}
      </div>
    </>
  );
}
