import { z } from "zod";

// An audit log row as the BFF sends it (audit.list), and the values its fields take.

export const auditOutcomes = ["ok", "failed", "unknown"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/**
 * The commands that change something, and so the actions an audit row can name and the audit page's
 * Action filter offers. This is the one list: a command that is not `read` must be named in it, or it does
 * not build (server/route-kit/command.ts).
 */
export const auditActions = [
  "jobs.reserve",
  "jobs.release",
  "jobs.finish",
  "jobs.finish.bulk",
  "jobs.notify",
  "jobs.retry",
  "jobs.unblock",
  "builds.cancel",
  "builds.rebuild",
  "stacks.register",
  "stacks.deregister",
  "queue.pause",
  "queue.resume",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntrySchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  operatorId: z.string(),
  operatorName: z.string(),
  operatorEmail: z.string().nullable(),
  role: z.string(),
  action: z.string(),
  stackKey: z.string().nullable(),
  jobIds: z.array(z.string()),
  reason: z.string().nullable(),
  request: z.record(z.string(), z.unknown()),
  outcome: z.enum(auditOutcomes),
  upstreamStatus: z.number().nullable(),
  errorType: z.string().nullable(),
  message: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PER_PAGE = 50;
