import "server-only";
import type { QueueSample } from "@/lib/schemas/queue-history";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { parseAgentTags, QUEUE_TAG } from "@/lib/triage/agent-rules";
import type { TriageAgent } from "../triage/input";

/** What one read of a queue says, plus the agents as last read (null when they could not be). */
export interface SampledRead {
  queueKey: string;
  jobs: readonly Pick<ScheduledJob, "scheduledAt" | "runnableAt">[];
  dispatchPaused: boolean;
  complete: boolean;
  agents: readonly TriageAgent[] | null;
  /** When the queue was read (ms). */
  now: number;
  /** The queue an agent without a queue tag serves; Buildkite names the one it creates `_default`. */
  defaultQueue?: string;
}

const MINUTE_MS = 60_000;

/** The start of the minute `ms` falls in, as the ISO 8601 string samples are keyed by. */
export const minuteOf = (ms: number): string => new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString();

/**
 * The nearest-rank percentile of ascending `sorted`: always one of the observed values, so a p95 wait is a
 * wait some job really had, and 0 with nothing waiting.
 */
export function nearestRank(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/**
 * A job waits from when it became runnable (after its dependencies), as triage counts it; an unreadable
 * or future time counts as now, so a bad timestamp never shows as a wait.
 */
function waitSecondsOf(job: SampledRead["jobs"][number], now: number): number {
  const start = Date.parse(job.runnableAt ?? job.scheduledAt);
  return Number.isFinite(start) ? Math.max(0, Math.round((now - start) / 1000)) : 0;
}

/** The minute's sample of a queue: pure, so the recorder and the tests compute it alike. */
export function sampleOf(read: SampledRead): QueueSample {
  const waits = read.jobs.map((job) => waitSecondsOf(job, read.now)).sort((a, b) => a - b);
  const agents = read.agents === null ? null : servingAgents(read.agents, read.queueKey, read.defaultQueue);
  return {
    at: minuteOf(read.now),
    backlog: read.jobs.length,
    oldestWaitSeconds: waits[waits.length - 1] ?? 0,
    p50WaitSeconds: nearestRank(waits, 50),
    p95WaitSeconds: nearestRank(waits, 95),
    paused: read.dispatchPaused,
    busyAgents: agents?.busy ?? null,
    idleAgents: agents?.idle ?? null,
    complete: read.complete,
  };
}

/** Connected agents whose queue tag names the queue (an untagged agent serves the default queue). */
function servingAgents(
  agents: readonly TriageAgent[],
  queueKey: string,
  defaultQueue = "_default",
): { busy: number; idle: number } {
  let busy = 0;
  let idle = 0;
  for (const agent of agents) {
    if (!agent.connected || !parseAgentTags(agent.tags, defaultQueue).get(QUEUE_TAG)?.has(queueKey)) continue;
    if (agent.busy) busy++;
    else idle++;
  }
  return { busy, idle };
}
