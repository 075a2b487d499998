import "server-only";
import { createAgentIndex, type RuleSetMatch } from "@/lib/triage/agent-index";
import { DEFAULT_QUEUE } from "@/lib/triage/agent-rules";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { DEFAULT_WAIT_SLO_SECONDS, type TriageAgent, type TriageInput } from "./input";

export interface RuleSetGroup {
  match: RuleSetMatch;
  jobs: ScheduledJob[];
}

/** What every finding kind reads, worked out once per computation. */
export interface TriageContext {
  input: TriageInput;
  now: number;
  sloSeconds: number;
  /** Connected agents only: a disconnected agent can take no job. */
  agents: readonly TriageAgent[];
  /** The scheduled jobs grouped by their normalised rule set, each set resolved once. */
  groups: RuleSetGroup[];
  /** When each job became able to run (ms), by id. */
  waitStart: ReadonlyMap<string, number>;
  /** When each job was scheduled (ms; NaN when unreadable), by id: parsed once for every kind. */
  scheduledAt: ReadonlyMap<string, number>;
}

export function triageContext(input: TriageInput): TriageContext {
  const defaultQueue = input.defaultQueue ?? DEFAULT_QUEUE;
  const agents = input.agents.filter((agent) => agent.connected);
  const waitStart = new Map<string, number>();
  const scheduledAt = new Map<string, number>();
  const index = createAgentIndex(agents, { defaultQueue });
  const groups = new Map<string, RuleSetGroup>();
  for (const job of input.jobs) {
    const scheduled = Date.parse(job.scheduledAt);
    scheduledAt.set(job.id, scheduled);
    waitStart.set(job.id, waitStartOf(job.runnableAt === null ? scheduled : Date.parse(job.runnableAt), input.now));
    const match = index.match(job.agentQueryRules);
    const group = groups.get(match.key);
    if (group) group.jobs.push(job);
    else groups.set(match.key, { match, jobs: [job] });
  }
  return {
    input,
    now: input.now,
    sloSeconds: input.waitSloSeconds ?? DEFAULT_WAIT_SLO_SECONDS,
    agents,
    groups: [...groups.values()],
    waitStart,
    scheduledAt,
  };
}

// A job waits from when it became runnable (after its dependencies); before that, waiting is not dispatch's
// doing. An unreadable time counts as now, so a bad timestamp never raises an alarm.
function waitStartOf(at: number, now: number): number {
  return Number.isFinite(at) ? Math.min(at, now) : now;
}

export function waitSeconds(context: TriageContext, jobId: string): number {
  return (context.now - (context.waitStart.get(jobId) ?? context.now)) / 1000;
}

/** The longest wait and its start among some jobs. */
export function oldestWait(
  context: TriageContext,
  jobIds: readonly string[],
): { seconds: number; since: string | null } {
  let start = Infinity;
  for (const id of jobIds) start = Math.min(start, context.waitStart.get(id) ?? Infinity);
  return Number.isFinite(start)
    ? { seconds: (context.now - start) / 1000, since: new Date(start).toISOString() }
    : { seconds: 0, since: null };
}
