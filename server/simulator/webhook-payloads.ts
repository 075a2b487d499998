import type { Build } from "./model";
import { agentJson } from "./rest-agent-json";
import { buildJson, graphqlId, jobJson, pipelineJson, utcDate } from "./rest-build-json";
import type { SimEvent } from "./sim-events";
import type { SimState } from "./state";
import { API_USER } from "./tokens";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Webhook payloads write dates as `2026-11-20 09:14:03 UTC` where the REST API writes ISO 8601: the REST
 * shapes are reused as they are and every ISO date inside them is rewritten.
 */
export function withWebhookDates(value: unknown): unknown {
  if (typeof value === "string") return ISO_DATE.test(value) ? utcDate(Date.parse(value)) : value;
  if (Array.isArray(value)) return value.map(withWebhookDates);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withWebhookDates(inner)]));
  return value;
}

/** Who caused the change; the simulator has no separate actor, so it is whoever created the build. */
function sender(build: Build): { id: string; name: string } {
  return { id: graphqlId("User", build.author.email), name: build.author.name };
}

// Jobs are left out of the build in job events too: a build of 5 000 jobs would otherwise put every job
// into each of its 5 000 job.scheduled payloads.
const BUILD_ONLY = { jobs: false, pipeline: false, retriedJobs: false, stateCounts: false } as const;

/**
 * The body of an event's webhook: job events `{event, job, build, pipeline, sender}`, build events
 * `{event, build, pipeline, sender}`. `apiBase` is the REST API root the URLs inside point at. Null when
 * the build the event belongs to is gone (pruned), so there is nothing true left to say. Agent events are
 * `{event, agent, sender}`; the simulator's agents are registered by its one API user.
 */
export function webhookPayload(event: SimEvent, state: SimState, apiBase: string): Record<string, unknown> | null {
  if (event.kind === "agent") {
    const agent = agentJson(apiBase, state, event.agent);
    const sender = { id: graphqlId("User", API_USER.email), name: API_USER.name };
    return withWebhookDates({ event: event.name, agent, sender }) as Record<string, unknown>;
  }
  const build = event.kind === "build" ? event.build : state.builds.get(event.job.buildUuid);
  const pipeline = build === undefined ? undefined : state.pipelines.get(build.pipelineSlug);
  if (build === undefined || pipeline === undefined) return null;
  const payload: Record<string, unknown> = { event: event.name };
  if (event.kind === "job") payload.job = jobJson(apiBase, state, event.job);
  payload.build = buildJson(apiBase, state, build, BUILD_ONLY);
  payload.pipeline = pipelineJson(apiBase, state, pipeline);
  payload.sender = sender(build);
  return withWebhookDates(payload) as Record<string, unknown>;
}
