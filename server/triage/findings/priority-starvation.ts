import "server-only";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { Finding } from "@/lib/schemas/triage";
import { oldestWait, waitSeconds, type TriageContext } from "../context";
import { age, listed, plural, waited } from "../wording";

// Buildkite dispatches a queue's jobs by priority, then by age. A job is starved when it has waited past the
// SLO, agents that can take it exist (else no_matching_agent explains the wait), and in the last
// STARVATION_WINDOW_MINUTES at least STARVATION_MIN_ARRIVALS jobs of higher priority for the same queue
// arrived after it: each of those is dispatched before it. The snapshot holds only jobs still waiting, so arrivals already dispatched are not
// counted and the figure is a lower bound — the rule errs towards silence.
export const STARVATION_WINDOW_MINUTES = 15;
export const STARVATION_MIN_ARRIVALS = 3;

interface Arrival {
  job: ScheduledJob;
  at: number;
}

export function priorityStarvation(context: TriageContext): Finding[] {
  const windowStart = context.now - STARVATION_WINDOW_MINUTES * 60_000;
  const byQueue = new Map<string, { candidates: Arrival[]; recent: Arrival[] }>();
  for (const group of context.groups) {
    const queue = byQueue.get(group.match.queue) ?? { candidates: [], recent: [] };
    byQueue.set(group.match.queue, queue);
    for (const job of group.jobs) {
      const at = context.scheduledAt.get(job.id) ?? NaN;
      if (!Number.isFinite(at)) continue;
      if (at >= windowStart) queue.recent.push({ job, at });
      if (group.match.matching.length > 0 && waitSeconds(context, job.id) > context.sloSeconds)
        queue.candidates.push({ job, at });
    }
  }
  return [...byQueue].flatMap(([queueKey, { candidates, recent }]) => {
    const countAfter = higherPriorityArrivalsAfter(recent);
    const starved = candidates
      .map((candidate) => ({ candidate, arrivals: countAfter(candidate) }))
      .filter(({ arrivals }) => arrivals >= STARVATION_MIN_ARRIVALS);
    if (starved.length === 0) return [];
    const jobIds = starved.map(({ candidate }) => candidate.job.id);
    const wait = oldestWait(context, jobIds);
    const priorities = [...new Set(starved.map(({ candidate }) => candidate.job.priority))].sort((a, b) => a - b);
    const arrivals = Math.max(...starved.map((entry) => entry.arrivals));
    return [
      {
        kind: "priority_starvation" as const,
        severity: "warning" as const,
        jobIds,
        count: jobIds.length,
        since: wait.since,
        maxWaitSeconds: wait.seconds,
        explanation: `${plural(jobIds.length, "job")} of priority ${listed(priorities.map(String))} in queue ${queueKey} ${waited(jobIds.length)} up to ${age(wait.seconds)} while ${plural(arrivals, "job")} of higher priority, scheduled after ${jobIds.length === 1 ? "it" : "them"} in the last ${STARVATION_WINDOW_MINUTES} min, ${arrivals === 1 ? "goes" : "go"} first.`,
        suggestedAction: `Raise the waiting jobs' priority, or add agents to queue ${queueKey} so the higher-priority stream stops taking every slot.`,
        details: {
          queueKey,
          starvedPriorities: priorities,
          higherPriorityArrivals: arrivals,
          windowMinutes: STARVATION_WINDOW_MINUTES,
          minArrivals: STARVATION_MIN_ARRIVALS,
        },
      },
    ];
  });
}

/**
 * For a job, how many recent arrivals have a higher priority and came after it. The arrival times above each
 * priority are sorted once, so each question is one binary search rather than a scan.
 */
function higherPriorityArrivalsAfter(recent: readonly Arrival[]): (job: Arrival) => number {
  const above = new Map<number, number[]>();
  const timesAbove = (priority: number) => {
    let times = above.get(priority);
    if (!times) {
      times = recent.filter(({ job }) => job.priority > priority).map(({ at }) => at);
      times.sort((a, b) => a - b);
      above.set(priority, times);
    }
    return times;
  };
  return ({ job, at }) => {
    const times = timesAbove(job.priority);
    return times.length - firstAfter(times, at);
  };
}

/** Index of the first time strictly after `at` in an ascending list. */
function firstAfter(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}
