import "server-only";
import { log } from "../log";
import type { Runtime } from "../runtime";
import { watchedQueues } from "../stacks/watched-queues";
import { coalesce } from "./coalesce";
import type { Delivery } from "./delivery-schema";

// A job or build delivery says something changed, not what: its payload can already be older than the
// state upstream (webhooks.md). So nothing from it is written anywhere; the reads it concerns are dropped
// and read again from Buildkite, and every viewer's next poll gets the fresh result.

/**
 * The Stacks API allows 10 list calls a second per stack, the limit POLL_INTERVAL_MS's floor of 1 s
 * respects; refreshes prompted by webhooks keep to the same pace however fast deliveries come.
 */
export const MIN_REFRESH_GAP_MS = 1_000;

async function refreshStack(runtime: Runtime, stackKey: string): Promise<void> {
  try {
    // Marked as the webhook's doing: the change sets these reads produce say so to every stream.
    await runtime.live.invalidateStack(stackKey, "webhook");
    const { queueKeys } = await watchedQueues(runtime, stackKey);
    const reads = await Promise.allSettled(
      queueKeys.map((queueKey) => runtime.live.queueSnapshot({ stackKey, queueKey })),
    );
    const failed = reads.filter((read) => read.status === "rejected").length;
    // The next poll reads again anyway; a failure here only means the refresh came no sooner than it.
    if (failed > 0) log().warn({ stackKey, failed, queues: queueKeys.length }, "webhook refresh: queue reads failed");
  } catch (error) {
    log().warn({ err: error, stackKey }, "webhook refresh failed");
  }
}

// One coalesced refresher per runtime (tests build several); the runtime is the key, so none outlives it.
const refreshers = new WeakMap<Runtime, () => Promise<void>>();

function stackRefresher(runtime: Runtime): () => Promise<void> {
  let refresher = refreshers.get(runtime);
  if (!refresher) {
    refresher = coalesce(() => refreshStack(runtime, runtime.config.stackKey), { gapMs: MIN_REFRESH_GAP_MS });
    refreshers.set(runtime, refresher);
  }
  return refresher;
}

/**
 * After a job.* or build.* delivery: the configured stack's reads are dropped and every watched queue is
 * read again (coalesced with other deliveries' refreshes), and a build the payload names has its cached
 * REST reads dropped, to be read again when someone next looks. Never throws: it runs after the response.
 */
export async function refreshAfterWebhook(runtime: Runtime, delivery: Delivery): Promise<void> {
  const pipeline = delivery.pipeline?.slug;
  const number = delivery.build?.number;
  const build =
    runtime.rest && pipeline !== undefined && number !== undefined
      ? runtime.rest.reads
          .invalidateBuild(runtime.rest.org, pipeline, number)
          .catch((error: unknown) => log().warn({ err: error }, "webhook refresh: build invalidation failed"))
      : undefined;
  await Promise.all([stackRefresher(runtime)(), build]);
}

/**
 * After an agent.* delivery: the cached agents list is dropped (on every instance, with Redis), so the next
 * read of it is fresh. Nothing is read now: no one may be looking at agents. Never throws.
 */
export async function dropAgentsRead(runtime: Runtime): Promise<void> {
  if (runtime.rest === null) return;
  await runtime.rest.reads
    .invalidateAgents(runtime.rest.org)
    .catch((error: unknown) => log().warn({ err: error }, "webhook refresh: agents invalidation failed"));
}
