import { z } from "zod";
import { scheduledJobSchema } from "@/lib/schemas/jobs";
import { commandEnvelope, rawEnvelope } from "./envelope";
import { paginationSchema } from "./pagination";
import { countSummarySchema } from "./common";

// Stack operations (the Stacks API, with the cluster token) in the contract's form; the contract itself
// names only REST commands, so these follow its conventions: request echo, small summary, data.

const stackRequest = z.object({ stackKey: z.string() });

export const stacksJobsListParts = {
  request: stackRequest.extend({
    queueKey: z.string(),
    limit: z.number().int().nullable(),
    // The cursor given with --after; pagination.nextPage carries the next one.
    after: z.string().nullable(),
  }),
  summary: countSummarySchema.extend({ dispatchPaused: z.boolean() }),
  data: z.object({
    jobs: z.array(scheduledJobSchema),
    clusterQueue: z.object({ id: z.string().nullable(), dispatchPaused: z.boolean() }),
  }),
  pagination: paginationSchema,
};
export const stacksJobsListEnvelope = commandEnvelope("stacks.jobs.list", stacksJobsListParts);
export const stacksJobsListRawEnvelope = rawEnvelope("stacks.jobs.list", stacksJobsListParts.request);

export const stacksJobsReserveParts = {
  request: stackRequest.extend({ jobIds: z.array(z.string()), expirySeconds: z.number().int().nullable() }),
  summary: z.object({ reserved: z.number().int(), notReserved: z.number().int() }),
  data: z.object({ reserved: z.array(z.string()), notReserved: z.array(z.string()) }),
  pagination: z.null(),
};
export const stacksJobsReserveEnvelope = commandEnvelope("stacks.jobs.reserve", stacksJobsReserveParts);
export const stacksJobsReserveRawEnvelope = rawEnvelope("stacks.jobs.reserve", stacksJobsReserveParts.request);

export const stacksJobsFinishParts = {
  request: stackRequest.extend({ jobId: z.string(), exitStatus: z.number().int(), detail: z.string() }),
  summary: z.object({ finished: z.boolean() }),
  data: z.object({ jobId: z.string(), exitStatus: z.number().int() }),
  pagination: z.null(),
};
export const stacksJobsFinishEnvelope = commandEnvelope("stacks.jobs.finish", stacksJobsFinishParts);

export const stacksJobsNotifyParts = {
  request: stackRequest.extend({ jobId: z.string(), detail: z.string() }),
  summary: z.object({ sent: z.boolean() }),
  data: z.object({ errors: z.array(z.object({ error: z.string(), indexes: z.array(z.number().int()) })) }),
  pagination: z.null(),
};
export const stacksJobsNotifyEnvelope = commandEnvelope("stacks.jobs.notify", stacksJobsNotifyParts);
export const stacksJobsNotifyRawEnvelope = rawEnvelope("stacks.jobs.notify", stacksJobsNotifyParts.request);

const dispatchParts = (note: boolean) => ({
  request: stackRequest.extend({ queueKey: z.string(), ...(note ? { note: z.string() } : {}) }),
  summary: z.object({ dispatchPaused: z.boolean(), changed: z.boolean() }),
  data: z.object({
    stackKey: z.string(),
    queueKey: z.string(),
    clusterQueueId: z.string(),
    dispatchPaused: z.boolean(),
    note: z.string().nullable(),
  }),
  pagination: z.null(),
});
export const stacksQueuePauseParts = dispatchParts(true);
export const stacksQueueResumeParts = dispatchParts(false);
export const stacksQueuePauseEnvelope = commandEnvelope("stacks.queue.pause", stacksQueuePauseParts);
export const stacksQueueResumeEnvelope = commandEnvelope("stacks.queue.resume", stacksQueueResumeParts);
