import "server-only";
import type { Runtime } from "../runtime";
import { watchedQueues } from "../stacks/watched-queues";
import { startMinuteSampler, type MinuteSampler } from "./minute-sampler";

/**
 * The background sampler over the console's own runtime: the stack it is configured for (STACK_KEY) and
 * the queues it watches there (QUEUE_KEY, or those discovered in the stack's cluster), each read through
 * the shared snapshot the pages use. `intervalMs` is for tests.
 */
export function startRuntimeSampler(runtime: Runtime, intervalMs?: number): MinuteSampler {
  const stackKey = runtime.config.stackKey;
  return startMinuteSampler({
    queues: async () => (await watchedQueues(runtime, stackKey)).queueKeys.map((queueKey) => ({ stackKey, queueKey })),
    read: (queue) => runtime.live.keepFresh(queue),
    prune: () => runtime.history.recorder.pruneIfDue(),
    logger: runtime.history.logger,
    intervalMs,
  });
}
