import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import { ConsoleError } from "../route-kit/console-error";
import type { Runtime } from "../runtime";

/**
 * The default queue's key when the cluster cannot be read: the Stacks API's name for the cluster's default
 * queue (the official client's constant), which is also the simulator's key for it.
 */
export const FALLBACK_DEFAULT_QUEUE = "_default";

export interface TriageDefaultQueue {
  key: string;
  /** Why the fallback stands in for the cluster's answer; null when the cluster said, or there is no REST token. */
  unavailable: string | null;
}

const fallback = (why: string): TriageDefaultQueue => ({
  key: FALLBACK_DEFAULT_QUEUE,
  unavailable: `The cluster's default queue is unknown (${why}), so jobs without a queue rule and agents without a queue tag are taken to be on ${FALLBACK_DEFAULT_QUEUE}.`,
});

/**
 * The key of the cluster's default queue, from the shared cluster reads (one upstream call a minute, whoever
 * asks): a job without a queue rule goes there and agents without a queue tag serve it, so matching jobs to
 * agents needs its real key. Without a REST token there are no agents to match and the fallback says nothing;
 * when the cluster cannot be read, the fallback stands in and says why.
 */
export async function triageDefaultQueue(
  runtime: Pick<Runtime, "clusterQueues">,
  clusterQueueId: string | null,
): Promise<TriageDefaultQueue> {
  if (runtime.clusterQueues === null) return { key: FALLBACK_DEFAULT_QUEUE, unavailable: null };
  if (clusterQueueId === null) return fallback("the Stacks API did not say which cluster queue this is");
  try {
    const key = await runtime.clusterQueues.defaultQueueKey(clusterQueueId);
    return key === null
      ? fallback("no cluster the REST API token can read holds this queue or names its default queue")
      : { key, unavailable: null };
  } catch (error) {
    // A refusal of the viewer's read share is a ConsoleError: like Buildkite's, it must not fail triage.
    if (!(error instanceof BuildkiteError || error instanceof ConsoleError)) throw error;
    return fallback(`could not read the cluster: ${error.message}`);
  }
}
