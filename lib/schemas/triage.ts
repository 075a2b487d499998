import { z } from "zod";
import { buildkiteUserSchema } from "./buildkite-user";

// Why jobs wait (issue 15): the findings the BFF computes from the queue snapshot, as the browser parses them.

export const findingSeverities = ["critical", "warning", "info"] as const;
export const findingSeveritySchema = z.enum(findingSeverities);
export type FindingSeverity = z.infer<typeof findingSeveritySchema>;

const ruleShortfallSchema = z.object({
  rule: z.string(),
  reason: z.enum(["missing_tag", "different_value"]),
  agentValues: z.array(z.string()),
});

const closestAgentSchema = z.object({ id: z.string(), name: z.string(), lacks: z.array(ruleShortfallSchema) });

const findingBase = {
  severity: findingSeveritySchema,
  jobIds: z.array(z.string()),
  count: z.number().int().min(0),
  /** When the condition began, as far as the inputs tell; null when they do not. */
  since: z.string().nullable(),
  /** One sentence, with numbers and names, to paste into an incident channel. */
  explanation: z.string(),
  suggestedAction: z.string(),
  /** The longest wait among the jobs, in seconds (0 when the finding is not about waiting jobs). */
  maxWaitSeconds: z.number().min(0),
};

export const findingSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("dispatch_paused"),
    ...findingBase,
    details: z.object({
      queueKey: z.string(),
      by: buildkiteUserSchema.nullable(),
      at: z.string().nullable(),
      note: z.string().nullable(),
      pausedSeconds: z.number().nullable(),
    }),
  }),
  z.object({
    kind: z.literal("no_matching_agent"),
    ...findingBase,
    details: z.object({
      queueKey: z.string(),
      unmetRules: z.array(z.string()),
      /** The distinct rule sets of the grouped jobs. */
      ruleSets: z.array(z.array(z.string())),
      closestAgents: z.array(closestAgentSchema),
    }),
  }),
  z.object({
    kind: z.literal("all_matching_agents_busy"),
    ...findingBase,
    details: z.object({
      rules: z.array(z.string()),
      busyAgents: z.number().int(),
      agentNames: z.array(z.string()),
      /** When the last of them became busy; null when an agent's busy time is unknown. */
      allBusySince: z.string().nullable(),
    }),
  }),
  z.object({
    kind: z.literal("waiting_over_slo"),
    ...findingBase,
    details: z.object({ sloSeconds: z.number(), oldestJobId: z.string() }),
  }),
  z.object({
    kind: z.literal("reservation_expired"),
    ...findingBase,
    details: z.object({ reservedBy: z.array(z.string()), expiredAt: z.array(z.string()) }),
  }),
  z.object({
    kind: z.literal("build_no_longer_running"),
    ...findingBase,
    details: z.object({
      builds: z.array(z.object({ label: z.string(), state: z.string(), jobIds: z.array(z.string()) })),
    }),
  }),
  z.object({
    kind: z.literal("priority_starvation"),
    ...findingBase,
    details: z.object({
      queueKey: z.string(),
      starvedPriorities: z.array(z.number()),
      /** Jobs of higher priority in the same queue scheduled after the oldest starved job within the window. */
      higherPriorityArrivals: z.number().int(),
      windowMinutes: z.number(),
      minArrivals: z.number().int(),
    }),
  }),
]);
export type Finding = z.infer<typeof findingSchema>;
export type FindingKind = Finding["kind"];

export const findingsSchema = z.array(findingSchema);

/** triage.get's data: the findings, most pressing first. */
export const triageSchema = z.object({ findings: findingsSchema });
export type Triage = z.infer<typeof triageSchema>;
