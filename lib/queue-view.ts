import { z } from "zod";

/** queue.get's data: what the home page and the stack header show about one queue. */
export const queueViewSchema = z.object({
  stackKey: z.string(),
  queueKey: z.string(),
  clusterQueueId: z.string().nullable(),
  dispatchPaused: z.boolean(),
  scheduledCount: z.number().int(),
  countComplete: z.boolean(),
  oldestScheduledAt: z.string().nullable(),
  oldestWaitSeconds: z.number().nullable(),
  fetchedAt: z.string(),
});
export type QueueView = z.infer<typeof queueViewSchema>;
