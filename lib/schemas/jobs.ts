import { z } from "zod";

// The shapes of the BFF's job data as the browser parses them (see server/commands for the producers).

export const scheduledJobSchema = z.object({
  id: z.string(),
  priority: z.number(),
  agentQueryRules: z.array(z.string()),
  scheduledAt: z.string(),
  runnableAt: z.string().nullable(),
  pipeline: z.object({ slug: z.string().nullable(), uuid: z.string().nullable() }),
  build: z.object({ uuid: z.string().nullable(), number: z.number().nullable(), branch: z.string().nullable() }),
  step: z.object({ key: z.string().nullable() }),
});
export type ScheduledJob = z.infer<typeof scheduledJobSchema>;

export const jobDetailSchema = z.object({ id: z.string(), env: z.record(z.string(), z.string()), command: z.string() });
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobStatesSchema = z.object({ states: z.record(z.string(), z.string()), unknown: z.array(z.string()) });
export type JobStates = z.infer<typeof jobStatesSchema>;

export const reserveResultSchema = z.object({
  reserved: z.array(z.string()),
  notReserved: z.array(z.string()),
  expirySeconds: z.number(),
  expiresAt: z.string(),
});
export type ReserveResult = z.infer<typeof reserveResultSchema>;

export const releaseResultSchema = z.object({ released: z.array(z.string()), notReleased: z.array(z.string()) });
export type ReleaseResult = z.infer<typeof releaseResultSchema>;

export const finishResultSchema = z.object({ jobId: z.string(), finished: z.boolean(), exitStatus: z.number() });

export const notifyResultSchema = z.object({
  sent: z.number(),
  failed: z.number(),
  errors: z.array(z.object({ error: z.string(), indexes: z.array(z.number()), jobIds: z.array(z.string()) })),
});

export const historyActions = ["reserve", "extend", "release", "finish", "notify"] as const;
export const historyEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  stackKey: z.string(),
  jobId: z.string(),
  action: z.enum(historyActions),
  operator: z.string(),
  detail: z.string().nullable(),
  /** "unknown" when the console lost the answer (a crash or a dropped connection mid-call). */
  outcome: z.enum(["ok", "failed", "unknown"]),
  message: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const reservationSchema = z.object({
  stackKey: z.string(),
  jobId: z.string(),
  reservedBy: z.string(),
  reservedAt: z.string(),
  expiresAt: z.string(),
  expirySeconds: z.number(),
  /** As listed when the job was reserved (a reserved job is no longer listed); null when unknown. */
  pipelineSlug: z.string().nullable(),
  buildNumber: z.number().nullable(),
  queueKey: z.string().nullable(),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const jobHistorySchema = z.object({
  events: z.array(historyEventSchema),
  notificationsSent: z.number(),
  notificationCap: z.number(),
  /** Characters left for the text once the console appends the operator's name. */
  notificationMaxChars: z.number().int(),
  reservation: reservationSchema.nullable(),
});
export type JobHistory = z.infer<typeof jobHistorySchema>;

export const bulkFinishOutcomeSchema = z.object({
  jobId: z.string(),
  outcome: z.enum(["finished", "failed"]),
  error: z.string().nullable(),
});
export type BulkFinishOutcome = z.infer<typeof bulkFinishOutcomeSchema>;

export const bulkFinishResultSchema = z.object({
  results: z.array(bulkFinishOutcomeSchema),
  finished: z.number(),
  failed: z.number(),
});

/** One NDJSON line of a bulk finish in progress; the stream's last line is the envelope itself. */
export const bulkFinishProgressSchema = z.object({
  progress: z.object({ done: z.number(), total: z.number(), result: bulkFinishOutcomeSchema }),
});
