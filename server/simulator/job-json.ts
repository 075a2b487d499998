import type { Job, SimStack } from "./model";
import type { SimState } from "./state";

const iso = (ms: number): string => new Date(ms).toISOString();
const STACK_CONNECTED_WINDOW_MS = 30_000;

/** Current Stacks API shape: nested objects always present, their values possibly null. */
function scheduledJobJson(state: SimState, job: Job): Record<string, unknown> {
  const pipeline = state.pipelines.get(job.pipelineSlug);
  const build = state.builds.get(job.buildUuid);
  return {
    id: job.uuid,
    priority: job.priority,
    agent_query_rules: job.agentQueryRules,
    scheduled_at: iso(job.scheduledAt),
    ...(job.runnableAt === null ? {} : { runnable_at: iso(job.runnableAt) }),
    pipeline: { slug: pipeline?.slug ?? null, uuid: pipeline?.uuid ?? null },
    build: { uuid: build?.uuid ?? null, number: build?.number ?? null, branch: build?.branch ?? null },
    step: { key: job.stepKey },
  };
}

/** Older (seed page) shape, served only to the older `scheduled_jobs` spelling. */
function legacyScheduledJobJson(state: SimState, job: Job): Record<string, unknown> {
  const pipeline = state.pipelines.get(job.pipelineSlug);
  const build = state.builds.get(job.buildUuid);
  return {
    id: job.uuid,
    scheduled_at: iso(job.scheduledAt),
    priority: job.priority,
    agent_query_rules: job.agentQueryRules,
    pipeline_slug: pipeline?.slug ?? null,
    pipeline_id: pipeline?.uuid ?? null,
    build_number: build?.number ?? null,
    build_branch: build?.branch ?? null,
    build_id: build?.uuid ?? null,
    step_key: job.stepKey,
  };
}

const currentCache = new WeakMap<Job, Uint8Array>();
const legacyCache = new WeakMap<Job, Uint8Array>();

/**
 * A listed job's fields never change while it is listable, so each job is serialised once and a page of
 * 1000 is a concatenation of cached bytes rather than 1000 fresh objects, dates and encodings.
 */
export function scheduledJobBytes(state: SimState, job: Job, legacy: boolean): Uint8Array {
  const cache = legacy ? legacyCache : currentCache;
  let bytes = cache.get(job);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify((legacy ? legacyScheduledJobJson : scheduledJobJson)(state, job)));
    cache.set(job, bytes);
  }
  return bytes;
}

export function stackJson(state: SimState, stack: SimStack, now: number): Record<string, unknown> {
  const connected = stack.lastConnectedOn !== null && now - stack.lastConnectedOn < STACK_CONNECTED_WINDOW_MS;
  return {
    id: stack.id,
    organization_uuid: state.org.uuid,
    cluster_queue_key: stack.queueKey,
    key: stack.key,
    type: stack.type,
    metadata: stack.metadata,
    last_connected_on: stack.lastConnectedOn === null ? null : iso(stack.lastConnectedOn),
    state: connected ? "connected" : "disconnected",
  };
}
