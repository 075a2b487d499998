import "server-only";
import type { RestCluster, RestClusterQueue, RestClient } from "../buildkite/rest";
import { z } from "zod";
import type { SharedState } from "./shared-state";
import { restClusterQueueSchema, restClusterSchema } from "./snapshot-schemas";
import { consoleMetrics } from "../metrics/registry";

// Pause details decorate the header; a slow REST API must not hold it up for the full request timeout,
// and the next poll is the retry.
const enrichmentOptions = { noRetry: true, timeoutMs: 5_000 };
/** After a walk of every cluster did not find a queue, walking again sooner would only spend budget. */
export const MISSING_QUEUE_RETRY_MS = 5 * 60_000;
/** Queues are added to a cluster by hand and rarely; a minute's delay in watching a new one is fine. */
export const QUEUE_LIST_TTL_MS = 60_000;

/**
 * The REST view of cluster queues, addressed by the queue id the Stacks API reports. Which cluster holds a
 * queue never changes, so that lookup (a walk over every cluster's queues) is done once per process; the
 * queue itself is read through a shared read, so any number of viewers cost one call per poll interval.
 */
export function createClusterQueueReads({
  rest,
  org,
  ttlMs,
  state,
  now = Date.now,
}: {
  rest: RestClient;
  org: string;
  ttlMs: number;
  state: SharedState;
  now?: () => number;
}) {
  const clusterOf = new Map<string, string>();
  const missingUntil = new Map<string, number>();
  const wholeKey = (key: string) => key;
  const queues = state.sharedRead<RestClusterQueue>({
    name: "cluster-queue",
    ttlMs,
    maxEntries: 64,
    schema: restClusterQueueSchema,
    scopeOf: wholeKey,
  });
  const queueLists = state.sharedRead<RestClusterQueue[]>({
    name: "cluster-queue-list",
    ttlMs: QUEUE_LIST_TTL_MS,
    maxEntries: 16,
    schema: z.array(restClusterQueueSchema),
    scopeOf: wholeKey,
    now,
  });
  // An administrator can name another default queue at any time, so the clusters are read again like the
  // queue lists, rather than remembered from the walk.
  const clusterLists = state.sharedRead<RestCluster[]>({
    name: "cluster-list",
    ttlMs: QUEUE_LIST_TTL_MS,
    maxEntries: 4,
    schema: z.array(restClusterSchema),
    scopeOf: wholeKey,
    now,
  });
  let walk: Promise<void> | null = null;

  async function walkClusters(): Promise<void> {
    const clusters = await rest.listClusters(org, enrichmentOptions);
    for (const cluster of clusters.data) {
      const listed = await rest.listClusterQueues(org, cluster.id, enrichmentOptions);
      for (const queue of listed.data) clusterOf.set(queue.id, cluster.id);
    }
  }

  async function clusterHolding(queueId: string): Promise<string | null> {
    const known = clusterOf.get(queueId);
    if (known !== undefined) return known;
    if ((missingUntil.get(queueId) ?? 0) > now()) return null;
    walk ??= walkClusters().finally(() => {
      walk = null;
    });
    await walk;
    const found = clusterOf.get(queueId) ?? null;
    if (found === null) missingUntil.set(queueId, now() + MISSING_QUEUE_RETRY_MS);
    return found;
  }

  /** The queue as the REST API sees it; null when no cluster the token can read holds it. */
  async function queue(queueId: string): Promise<RestClusterQueue | null> {
    const clusterId = await clusterHolding(queueId);
    if (clusterId === null) return null;
    const read = await queues.read(
      queueId,
      async () => (await rest.getClusterQueue(org, clusterId, queueId, enrichmentOptions)).data,
    );
    consoleMetrics().sharedReads.record("cluster_queue", read.shared);
    return read.value;
  }

  /** Every queue of the cluster that holds `queueId`, as listed; null when no cluster the token can read holds it. */
  async function queuesBeside(queueId: string): Promise<RestClusterQueue[] | null> {
    const clusterId = await clusterHolding(queueId);
    if (clusterId === null) return null;
    const read = await queueLists.read(
      clusterId,
      async () => (await rest.listClusterQueues(org, clusterId, enrichmentOptions)).data,
    );
    consoleMetrics().sharedReads.record("cluster_queue_list", read.shared);
    return read.value;
  }

  /**
   * The key of the default queue of the cluster that holds `queueId`: where a job without a queue rule goes
   * and which agents without a queue tag serve. Null when no cluster the token can read holds the queue, or
   * the cluster names no default queue it lists.
   */
  async function defaultQueueKey(queueId: string): Promise<string | null> {
    const clusterId = await clusterHolding(queueId);
    if (clusterId === null) return null;
    const read = await clusterLists.read(org, async () => (await rest.listClusters(org, enrichmentOptions)).data);
    consoleMetrics().sharedReads.record("cluster_list", read.shared);
    const defaultId = read.value.find((cluster) => cluster.id === clusterId)?.defaultQueueId ?? null;
    if (defaultId === null) return null;
    const listed = await queuesBeside(queueId);
    return listed?.find((queue) => queue.id === defaultId)?.key ?? null;
  }

  /** Pauses or resumes dispatch, then forgets the cached queue so the next read shows the change. */
  async function setDispatch(queueId: string, paused: boolean, note: string | null): Promise<RestClusterQueue | null> {
    const clusterId = await clusterHolding(queueId);
    if (clusterId === null) return null;
    try {
      const result = paused
        ? await rest.pauseDispatch(org, clusterId, queueId, note)
        : await rest.resumeDispatch(org, clusterId, queueId);
      return result.data;
    } finally {
      await queues.invalidate(queueId);
    }
  }

  return { queue, queuesBeside, defaultQueueKey, setDispatch };
}

export type ClusterQueueReads = ReturnType<typeof createClusterQueueReads>;
