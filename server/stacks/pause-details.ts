import "server-only";
import type { PauseUnavailable, QueuePause } from "@/lib/schemas/queue";
import { BuildkiteError } from "../buildkite/errors";
import type { Runtime } from "../runtime";

export interface PauseDetails {
  pause: QueuePause | null;
  unavailable: PauseUnavailable | null;
}

const NOT_PAUSED: PauseDetails = { pause: null, unavailable: null };

function unavailable(reason: PauseUnavailable["reason"], message: string): PauseDetails {
  return { pause: null, unavailable: { reason, message } };
}

/**
 * Who paused the queue, when and why. The Stacks API only says "paused"; the rest lives in the REST API,
 * which the console may have no token for. Any failure here leaves the header working without the
 * details and says why: an enrichment never fails the read it decorates.
 */
export async function pauseDetails(
  runtime: Runtime,
  clusterQueueId: string | null,
  paused: boolean,
): Promise<PauseDetails> {
  if (!paused) return NOT_PAUSED;
  if (runtime.clusterQueues === null) {
    return unavailable(
      "no_token",
      "No REST API token and organization are configured (BUILDKITE_API_TOKEN, BUILDKITE_ORG).",
    );
  }
  if (clusterQueueId === null)
    return unavailable("not_found", "The Stacks API did not say which cluster queue this is.");
  try {
    const queue = await runtime.clusterQueues.queue(clusterQueueId);
    if (queue === null) return unavailable("not_found", "No cluster the REST API token can read holds this queue.");
    return {
      pause: { by: queue.dispatchPausedBy, at: queue.dispatchPausedAt, note: queue.dispatchPausedNote },
      unavailable: null,
    };
  } catch (error) {
    if (!(error instanceof BuildkiteError)) throw error;
    if (error.status === 403)
      return unavailable(
        "missing_scope",
        `The REST API token cannot read cluster queues (it needs read_clusters): ${error.message}`,
      );
    return unavailable("failed", `Could not read the cluster queue from the REST API: ${error.message}`);
  }
}
