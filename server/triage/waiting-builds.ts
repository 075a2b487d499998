import "server-only";
import type { ScheduledJob } from "@/lib/schemas/jobs";

/** A build some waiting job belongs to, as the REST API addresses it. */
export interface WaitingBuild {
  pipeline: string;
  number: number;
}

/**
 * The distinct builds of the waiting jobs, the build of the longest-waiting job first: a build that ended
 * matters most where jobs have waited longest. A job waits from when it became runnable, else from when it
 * was scheduled; an unreadable time sorts last. Jobs whose build has no pipeline slug or number cannot be
 * read from the REST API and are left out.
 */
export function buildsByLongestWait(jobs: readonly ScheduledJob[]): WaitingBuild[] {
  const builds = new Map<string, WaitingBuild & { since: number }>();
  for (const job of jobs) {
    const { slug } = job.pipeline;
    const { number } = job.build;
    if (slug === null || number === null) continue;
    const key = `${slug}#${number}`;
    const at = Date.parse(job.runnableAt ?? job.scheduledAt);
    const since = Number.isFinite(at) ? at : Infinity;
    const known = builds.get(key);
    if (known === undefined) builds.set(key, { pipeline: slug, number, since });
    else known.since = Math.min(known.since, since);
  }
  // Infinity - Infinity is NaN: two unreadable times are equal, not unordered.
  return [...builds.values()]
    .sort((a, b) => a.since - b.since || 0)
    .map(({ pipeline, number }) => ({ pipeline, number }));
}
