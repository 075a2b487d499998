import { z } from "zod";
import { buildkiteUserSchema } from "./buildkite-user";

/** Who paused dispatch, when and why, from the REST API's view of the cluster queue. */
export const queuePauseSchema = z.object({
  by: buildkiteUserSchema.nullable(),
  at: z.string().nullable(),
  note: z.string().nullable(),
});
export type QueuePause = z.infer<typeof queuePauseSchema>;

/**
 * Why `pause` is null although dispatch is paused: no REST token (or organization) is configured, the
 * token lacks `read_clusters`, no cluster the token can read holds the queue, or the read failed.
 */
export const pauseUnavailableSchema = z.object({
  reason: z.enum(["no_token", "missing_scope", "not_found", "failed"]),
  message: z.string(),
});
export type PauseUnavailable = z.infer<typeof pauseUnavailableSchema>;

/** queue.get's data: what the home page and the stack header show about one queue. */
export const queueStateSchema = z.object({
  stackKey: z.string(),
  queueKey: z.string(),
  clusterQueueId: z.string().nullable(),
  dispatchPaused: z.boolean(),
  // Optional so a console mid-deploy, whose server predates pause details, still parses.
  pause: queuePauseSchema.nullish().transform((value) => value ?? null),
  pauseUnavailable: pauseUnavailableSchema.nullish().transform((value) => value ?? null),
  scheduledCount: z.number().int(),
  countComplete: z.boolean(),
  oldestScheduledAt: z.string().nullable(),
  oldestWaitSeconds: z.number().nullable(),
  /** Jobs that had waited longer than the configured warning wait when the list was read. */
  longWaitCount: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? null),
  fetchedAt: z.string(),
});
export type QueueState = z.infer<typeof queueStateSchema>;

/**
 * queues.list's data: the queues the console watches. `configured` when QUEUE_KEY names them,
 * `discovered` when they are every queue of the stack's cluster, `default` when discovery was not possible
 * (`unavailable` says why) and only the default queue is watched.
 */
export const watchedQueuesSchema = z.object({
  stackKey: z.string(),
  queueKeys: z.array(z.string()).min(1),
  source: z.enum(["configured", "discovered", "default"]),
  unavailable: z.string().nullable(),
});
export type WatchedQueues = z.infer<typeof watchedQueuesSchema>;
