import { z } from "zod";
import type { JobDetail, ScheduledJob } from "@/lib/schemas/jobs";
import type { Stack } from "@/lib/schemas/stacks";

export type StackType = "custom" | "kubernetes" | "elastic";

export interface ScheduledJobsPage {
  jobs: ScheduledJob[];
  clusterQueue: { id: string | null; dispatchPaused: boolean };
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const optionalString = z.string().nullish();
/**
 * An id, key, branch or cursor: absent, null or "" all mean none. The official Go client encodes a missing
 * string as "" (its zero value), and an empty cursor passed back as `after` would ask for nothing.
 */
const optionalName = z
  .string()
  .nullish()
  .transform((value) => (value ? value : null));
/** Build numbers start at 1; 0 is the Go client's zero value for none. */
const optionalBuildNumber = z
  .number()
  .int()
  .nullish()
  .transform((value) => (value ? value : null));
const stringList = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

export const stacksRegistrationSchema = z
  .object({
    id: optionalString,
    key: z.string(),
    type: z.string(),
    cluster_queue_key: optionalString,
    // The seed docs' request spelling; accepted in case a server echoes it back.
    queue_key: optionalString,
    metadata: z.record(z.string(), z.string()).nullish(),
    organization_uuid: optionalString,
    last_connected_on: optionalString,
    state: optionalString,
  })
  .transform((wire): Stack => ({
    id: wire.id ?? null,
    key: wire.key,
    type: wire.type,
    queueKey: wire.cluster_queue_key ?? wire.queue_key ?? null,
    metadata: wire.metadata ?? {},
    organizationUuid: wire.organization_uuid ?? null,
    lastConnectedOn: wire.last_connected_on ?? null,
    state: wire.state ?? null,
  }));

/** Both shapes: current nested `pipeline/build/step` objects and the seed page's flat fields. */
export const stacksScheduledJobSchema = z
  .object({
    id: z.string(),
    priority: z.number(),
    agent_query_rules: stringList,
    scheduled_at: z.string(),
    runnable_at: optionalString,
    pipeline: z.object({ slug: optionalName, uuid: optionalName }).nullish(),
    build: z.object({ uuid: optionalName, number: optionalBuildNumber, branch: optionalName }).nullish(),
    step: z.object({ key: optionalName }).nullish(),
    pipeline_slug: optionalName,
    pipeline_id: optionalName,
    build_number: optionalBuildNumber,
    build_branch: optionalName,
    build_id: optionalName,
    step_key: optionalName,
  })
  .transform((wire): ScheduledJob => ({
    id: wire.id,
    priority: wire.priority,
    agentQueryRules: wire.agent_query_rules,
    scheduledAt: wire.scheduled_at,
    runnableAt: wire.runnable_at ?? null,
    pipeline: {
      slug: wire.pipeline?.slug ?? wire.pipeline_slug ?? null,
      uuid: wire.pipeline?.uuid ?? wire.pipeline_id ?? null,
    },
    build: {
      uuid: wire.build?.uuid ?? wire.build_id ?? null,
      number: wire.build?.number ?? wire.build_number ?? null,
      branch: wire.build?.branch ?? wire.build_branch ?? null,
    },
    step: { key: wire.step?.key ?? wire.step_key ?? null },
  }));

export const stacksScheduledJobsPageSchema = z
  .object({
    jobs: z.array(stacksScheduledJobSchema),
    cluster_queue: z.object({
      id: optionalString,
      dispatch_paused: z.boolean().nullish(),
      paused: z.boolean().nullish(),
    }),
    page_info: z.object({ has_next_page: z.boolean(), end_cursor: optionalName }),
  })
  .transform((wire): ScheduledJobsPage => ({
    jobs: wire.jobs,
    clusterQueue: {
      id: wire.cluster_queue.id ?? null,
      // Either name saying "paused" wins: wrongly showing a queue as dispatching is the costly mistake.
      dispatchPaused: wire.cluster_queue.dispatch_paused === true || wire.cluster_queue.paused === true,
    },
    pageInfo: { hasNextPage: wire.page_info.has_next_page, endCursor: wire.page_info.end_cursor },
  }));

export const stacksJobDetailSchema = z
  .object({
    id: z.string(),
    env: z.record(z.string(), z.string()).nullish(),
    command: optionalString,
  })
  .transform((wire): JobDetail => ({ id: wire.id, env: wire.env ?? {}, command: wire.command ?? "" }));

export const stacksReserveResultSchema = z
  .object({ reserved: stringList, not_reserved: stringList })
  .transform((wire) => ({ reserved: wire.reserved, notReserved: wire.not_reserved }));

export const stacksJobStatesSchema = z.object({ states: z.record(z.string(), z.string()) });

export const stacksNotificationsResultSchema = z
  .object({
    errors: z
      .array(z.object({ error: z.string(), indexes: z.array(z.number().int()) }))
      .nullish()
      .transform((value) => value ?? []),
  })
  .transform((wire) => ({ errors: wire.errors }));
