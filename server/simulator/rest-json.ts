import type { SimCluster, Queue } from "./model";
import type { SimState } from "./state";

// REST wire shapes, written here rather than shared with the console's client so that a wrong field name
// cannot hide in both at once.

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function clusterUrl(base: string, state: SimState, cluster: SimCluster): string {
  return `${base}/organizations/${state.org.slug}/clusters/${cluster.id}`;
}

export function clusterJson(base: string, state: SimState): Record<string, unknown> {
  const { cluster } = state;
  const url = clusterUrl(base, state, cluster);
  const defaultQueue = state.queue(cluster.defaultQueueKey);
  return {
    id: cluster.id,
    name: cluster.name,
    description: cluster.description,
    emoji: ":buildkite:",
    color: "#14CC80",
    default_queue_id: defaultQueue?.id ?? null,
    url,
    web_url: `https://buildkite.com/organizations/${state.org.slug}/clusters/${cluster.id}`,
    queues_url: `${url}/queues`,
    default_queue_url: defaultQueue === undefined ? null : `${url}/queues/${defaultQueue.id}`,
    created_at: iso(cluster.createdAt),
  };
}

export function queueJson(base: string, state: SimState, queue: Queue): Record<string, unknown> {
  const cluster = clusterUrl(base, state, state.cluster);
  return {
    id: queue.id,
    key: queue.key,
    description: queue.description,
    url: `${cluster}/queues/${queue.id}`,
    web_url: `https://buildkite.com/organizations/${state.org.slug}/clusters/${state.cluster.id}/queues/${queue.id}`,
    cluster_url: cluster,
    dispatch_paused: queue.paused,
    dispatch_paused_by: queue.pausedBy === null ? null : { name: queue.pausedBy.name, email: queue.pausedBy.email },
    dispatch_paused_at: iso(queue.pausedAt),
    dispatch_paused_note: queue.pauseNote,
    created_at: iso(queue.createdAt),
  };
}
