import { z } from "zod";
import { scheduledJobSchema } from "./jobs";

// What the stack page's event stream carries (GET /api/v1/stacks/{key}/events): versioned changes to a
// queue's scheduled jobs, so a browser holding version N applies N+1 instead of reading 5000 jobs again.

/** What made the server read the queue again: its own poll, a Buildkite webhook, or an operator's change. */
export const changeCauses = ["poll", "webhook", "action"] as const;
export type ChangeCause = (typeof changeCauses)[number];

export const changeSetSchema = z.object({
  version: z.number().int(),
  /** The version this change set applies to; anything else holds a gap and must be read again. */
  previousVersion: z.number().int(),
  queueKey: z.string(),
  /** When the list these changes lead to was read from Buildkite. */
  at: z.string(),
  cause: z.enum(changeCauses),
  dispatchPaused: z.boolean(),
  complete: z.boolean(),
  /** Scheduled jobs after the change: a browser that counts otherwise has drifted and reads the list. */
  count: z.number().int(),
  added: z.array(scheduledJobSchema),
  changed: z.array(scheduledJobSchema),
  removed: z.array(z.string()),
  /** Too many jobs changed to send them: read the list again. */
  reload: z.boolean(),
});
export type ChangeSet = z.infer<typeof changeSetSchema>;

/** The stream's first event: where the queue stands, and whether the changes since `since` follow. */
export const streamHelloSchema = z.object({
  version: z.number().int(),
  queueKey: z.string(),
  /** True: every change after the caller's version follows this event. False: read the list again. */
  resumed: z.boolean(),
  /** Where to read the whole list when not resumed. */
  snapshotUrl: z.string(),
  /** Whether Buildkite webhooks are configured: changes then arrive without waiting for the poll. */
  webhooks: z.boolean(),
  pollIntervalMs: z.number().int(),
});
export type StreamHello = z.infer<typeof streamHelloSchema>;

/** `stacks.events` as JSON (a caller that does not accept text/event-stream): the changes since `since`. */
export const changesSinceSchema = z.object({
  version: z.number().int(),
  queueKey: z.string(),
  /** Null when the changes since `since` are no longer kept: read the list again. */
  changes: z.array(changeSetSchema).nullable(),
});
