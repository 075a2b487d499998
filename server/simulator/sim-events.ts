import type { SimAgent } from "./agents";
import type { Build, BuildState, Job, JobState } from "./model";
import { TERMINAL_JOB_STATES } from "./model";

/** Every event name Buildkite's webhooks can send (reference: webhooks.md); a receiver may ask for any. */
export const WEBHOOK_EVENT_NAMES = [
  "ping",
  "build.scheduled",
  "build.running",
  "build.failing",
  "build.finished",
  "build.skipped",
  "job.scheduled",
  "job.started",
  "job.finished",
  "job.activated",
  "job.promised_exit_status",
  "agent.connected",
  "agent.lost",
  "agent.disconnected",
  "agent.stopping",
  "agent.stopped",
  "agent.blocked",
  "cluster_token.registration_blocked",
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];

export type JobEventName = "job.scheduled" | "job.started" | "job.finished" | "job.activated";
export type BuildEventName = "build.scheduled" | "build.running" | "build.failing" | "build.finished";
export type AgentEventName = "agent.connected" | "agent.lost" | "agent.disconnected";

/** A change in the simulated world, as the state machine reports it once the change is complete. */
export type SimEvent =
  | { kind: "job"; name: JobEventName; job: Job }
  | { kind: "build"; name: BuildEventName; build: Build }
  | { kind: "agent"; name: AgentEventName; agent: SimAgent };

export type SimEventSink = (event: SimEvent) => void;

/**
 * The job event a state change means, if any. Waiters are never reported: the REST API shows them as ids
 * alone, with no state to report.
 */
export function jobEventFor(job: Job, to: JobState): JobEventName | null {
  if (job.type === "waiter") return null;
  if (to === "scheduled") return "job.scheduled";
  if (to === "running") return "job.started";
  if (to === "unblocked") return "job.activated";
  if (TERMINAL_JOB_STATES.has(to)) return "job.finished";
  return null;
}

/** `canceling` is on its way to `canceled`, which is reported as finished; Buildkite sends nothing for it. */
export function buildEventFor(to: BuildState): BuildEventName | null {
  switch (to) {
    case "scheduled":
      return "build.scheduled";
    case "running":
      return "build.running";
    case "failing":
      return "build.failing";
    case "passed":
    case "failed":
    case "canceled":
      return "build.finished";
    case "canceling":
      return null;
  }
}
