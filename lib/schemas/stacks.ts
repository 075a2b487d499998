import { z } from "zod";

// The shapes of the BFF's answers about stacks as the browser parses them: a registered stack, a
// deregistration, and a queue's dispatch paused or resumed.

export const stackSchema = z.object({
  id: z.string().nullable(),
  key: z.string(),
  type: z.string(),
  queueKey: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  organizationUuid: z.string().nullable(),
  lastConnectedOn: z.string().nullable(),
  state: z.string().nullable(),
});
export type Stack = z.infer<typeof stackSchema>;

export const deregisterResultSchema = z.object({ key: z.string(), deregistered: z.boolean() });

export const dispatchResultSchema = z.object({
  stackKey: z.string(),
  queueKey: z.string(),
  clusterQueueId: z.string().nullable(),
  dispatchPaused: z.boolean(),
  note: z.string().nullable(),
});
