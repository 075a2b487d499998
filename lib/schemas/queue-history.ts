import { z } from "zod";

// A queue's history (issue 15): one sample a minute per watched queue, recorded by whichever instance read
// the queue that minute and kept 14 days. The history route returns them oldest first.

export const historyRanges = ["1h", "24h", "7d"] as const;
export const historyRangeSchema = z.enum(historyRanges);
export type HistoryRange = z.infer<typeof historyRangeSchema>;

export const queueSampleSchema = z.object({
  /** The sample's minute, ISO 8601 (seconds and below are zero). */
  at: z.string(),
  /** Scheduled jobs waiting in the queue. */
  backlog: z.number().int().min(0),
  /** The longest current wait, in seconds; 0 with nothing waiting. */
  oldestWaitSeconds: z.number().min(0),
  p50WaitSeconds: z.number().min(0),
  p95WaitSeconds: z.number().min(0),
  paused: z.boolean(),
  /** Connected agents serving the queue, busy or idle; null when the agents could not be read. */
  busyAgents: z.number().int().min(0).nullable(),
  idleAgents: z.number().int().min(0).nullable(),
  /** False when the queue read stopped at its page cap: backlog and waits are then lower bounds. */
  complete: z.boolean(),
});
export type QueueSample = z.infer<typeof queueSampleSchema>;

export const queueHistorySchema = z.object({ samples: z.array(queueSampleSchema) });
export type QueueHistory = z.infer<typeof queueHistorySchema>;
