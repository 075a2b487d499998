import { z } from "zod";

// The agents list as the console serves it (agents.list) and the browser parses it.

export const agentStates = ["busy", "idle", "lost", "disconnected"] as const;
export type AgentState = (typeof agentStates)[number];

/** What the list can be narrowed to: the agent states, plus `connected` for busy and idle together. */
export const agentStateFilters = ["connected", "busy", "idle", "lost"] as const;
export type AgentStateFilter = (typeof agentStateFilters)[number];

export const agentJobSchema = z.object({
  id: z.string(),
  state: z.string().nullable(),
  name: z.string().nullable(),
  /** The console's build page, when the job's web URL named its pipeline and build number. */
  build: z.object({ pipeline: z.string(), number: z.number().int() }).nullable(),
});

export const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(agentStates),
  /** Buildkite's own word for the connection (`connected`, `lost`, …), kept for states the console does not name. */
  connectionState: z.string(),
  queue: z.string(),
  tags: z.array(z.string()),
  hostname: z.string().nullable(),
  version: z.string().nullable(),
  job: agentJobSchema.nullable(),
  lastJobFinishedAt: z.string().nullable(),
});
export type Agent = z.infer<typeof agentSchema>;

const stateCountsSchema = z.object({ busy: z.number(), idle: z.number(), lost: z.number(), disconnected: z.number() });

export const agentsListSchema = z.object({
  agents: z.array(agentSchema),
  /** Over every agent the token sees, before filtering: what each queue has, by state. */
  queues: z.array(z.object({ queue: z.string(), total: z.number(), states: stateCountsSchema })),
});
export type AgentsList = z.infer<typeof agentsListSchema>;
