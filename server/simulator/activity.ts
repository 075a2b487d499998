import type { Job } from "./model";
import type { Random } from "./random";
import { scheduleJobs } from "./schedule-jobs";
import type { SimState } from "./state";

export const ACTIVITY_INTERVAL_MS = 1_500;
const SCHEDULED_CAP = 200;
/** How far down a queue agents look past jobs none of them can run. */
const PICKUP_LOOKAHEAD = 50;
const KEEP_FINISHED_BUILDS = 300;
const ARRIVAL_QUEUES: readonly string[] = ["_default", "_default", "_default", "_default", "linux-large", "macos"];

/**
 * One beat of background life: running jobs finish, assigned ones start, idle agents pick up the oldest
 * scheduled jobs of unpaused queues whose rules they satisfy, and new jobs arrive while the backlog is
 * under its cap. A job no connected agent satisfies stays scheduled, as on Buildkite.
 */
export function activityTick(state: SimState, random: Random, now: number): void {
  state.expireReservations(now);
  const running: Job[] = [];
  const assigned: Job[] = [];
  for (const job of state.jobs.values()) {
    // Showcase jobs stay as seeded (growing logs keep growing, fixtures stay valid); their retries run.
    if (job.retriesCount === 0 && state.builds.get(job.buildUuid)?.pinned === true) continue;
    if (job.state === "running") running.push(job);
    if (job.state === "assigned") assigned.push(job);
  }
  for (const job of running) if (random.chance(0.3)) state.complete(job, random.chance(0.9) ? 0 : 1, now);
  for (const job of assigned) state.start(job, now);
  for (const queue of state.queues.values()) {
    if (queue.paused) continue;
    let wanted = random.int(0, 2);
    if (wanted === 0) continue;
    for (const job of state.page(queue, null, PICKUP_LOOKAHEAD).jobs) {
      const agent = state.idleAgentFor(job);
      if (agent === undefined) continue;
      state.assignTo(job, agent, now);
      if (--wanted === 0) break;
    }
  }
  const arrivals = random.int(0, 3);
  if (arrivals > 0 && state.scheduledCount() < SCHEDULED_CAP) {
    scheduleJobs(state, random, { count: arrivals, queueKey: random.pick(ARRIVAL_QUEUES), scheduledAt: now });
  }
  state.pruneFinishedBuilds(KEEP_FINISHED_BUILDS);
}
