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

/**
 * A failed job the build page lists first: a soft failure was allowed to fail, and a retried attempt was
 * replaced by its retry (which is judged on its own), so neither is one.
 */
export const isFailedJob = (job: Pick<BuildJob, "state" | "softFailed" | "retried">): boolean =>
  !job.softFailed && !job.retried && hasState(job, FAILED_JOB_STATES);

/** The count of attempts that were retried: they are no longer the step's outcome, whatever their state. */
export const RETRIED_COUNT = "retried";
/** The count of failures that were allowed to fail: counting them as `failed` would disagree with the list. */
export const SOFT_FAILED_COUNT = "soft_failed";

/**
 * How many jobs are in each state, on top of `base`; waiters and jobs without a state are not counted.
 * Retried attempts and soft failures have counts of their own, so `failed` counts exactly the failed jobs
 * the build page lists first (with `timed_out`, `broken` and `expired`, which have theirs).
 */
export function countJobsByState(
  jobs: readonly Pick<BuildJob, "type" | "state" | "softFailed" | "retried">[],
  base: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const counts: Record<string, number> = { ...base };
  for (const job of jobs) {
    if (isWaiter(job) || job.state === null) continue;
    const key = job.retried ? RETRIED_COUNT : job.softFailed ? SOFT_FAILED_COUNT : job.state;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
