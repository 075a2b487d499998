import type { BuildJob } from "./schemas/builds";

// Facts about a build's jobs that the server's summary and the build page must agree on.

/** Job states that mean the job failed (a soft failure is allowed to fail, so it is not one). */
const FAILED_JOB_STATES: readonly string[] = ["failed", "timed_out", "broken", "expired"];

/**
 * A waiter (a `wait` step) only holds back the steps after it. Buildkite's REST API sends it with no
 * state, and it is no job: nobody can run, retry or wait for it.
 */
export const isWaiter = (job: Pick<BuildJob, "type">): boolean => job.type === "waiter";

/** Whether a job is in one of `states`; a job without a state is in none. */
export const hasState = (job: Pick<BuildJob, "state">, states: readonly string[]): boolean =>
  job.state !== null && states.includes(job.state);

export const isFailedJob = (job: Pick<BuildJob, "state" | "softFailed">): boolean =>
  !job.softFailed && hasState(job, FAILED_JOB_STATES);

/** How many jobs are in each state, on top of `base`; waiters and jobs without a state are not counted. */
export function countJobsByState(
  jobs: readonly Pick<BuildJob, "type" | "state">[],
  base: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const counts: Record<string, number> = { ...base };
  for (const job of jobs) {
    if (isWaiter(job) || job.state === null) continue;
    counts[job.state] = (counts[job.state] ?? 0) + 1;
  }
  return counts;
}
