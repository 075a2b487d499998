import "server-only";
import { queueKeyInput } from "@/lib/inputs/stacks";
import type { WatchedQueues } from "@/lib/schemas/queue";
import { BuildkiteError } from "../buildkite/errors";
import type { Runtime } from "../runtime";

/**
 * The queues the console watches on a stack. QUEUE_KEY, when set, names them. Otherwise they are every
 * queue of the cluster the stack's default queue belongs to: the Stacks API lists jobs per queue but has
 * no list of queues, so the default queue's cluster queue id (from its scheduled-jobs read, shared with
 * the page) finds its cluster in the REST API, which lists the cluster's queues. Without a REST token
 * with `read_clusters`, or when that read fails, the default queue alone is watched and `unavailable`
 * says why; discovery never fails the page.
 */
export async function watchedQueues(runtime: Runtime, stackKey: string): Promise<WatchedQueues> {
  const { queueKeys, discoverQueues } = runtime.config;
  if (!discoverQueues) return { stackKey, queueKeys, source: "configured", unavailable: null };
  const anchor = queueKeys[0] ?? "_default";
  const fallback = (unavailable: string): WatchedQueues => ({
    stackKey,
    queueKeys: [anchor],
    source: "default",
    unavailable,
  });
  if (runtime.clusterQueues === null)
    return fallback("No REST API token and organization are configured to list the cluster's queues.");
  try {
    const snapshot = await runtime.live.queueSnapshot({ stackKey, queueKey: anchor });
    const anchorId = snapshot.value.clusterQueue.id;
    if (anchorId === null) return fallback(`The Stacks API did not say which cluster queue ${anchor} is.`);
    const listed = await runtime.clusterQueues.queuesBeside(anchorId);
    if (listed === null) return fallback(`No cluster the REST API token can read holds queue ${anchor}.`);
    // The default queue is listed under its own key ("default", say): it is already watched as the anchor.
    const others = listed
      .filter((queue) => queue.id !== anchorId && queueKeyInput.safeParse(queue.key).success)
      .map((queue) => queue.key)
      .sort((a, b) => a.localeCompare(b));
    return { stackKey, queueKeys: [anchor, ...others], source: "discovered", unavailable: null };
  } catch (error) {
    if (!(error instanceof BuildkiteError)) throw error;
    return fallback(`Could not list the cluster's queues: ${error.message}`);
  }
}
