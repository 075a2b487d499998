"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { buildQuery } from "@/lib/queries/builds";
import { jobQuery, scheduledJobsQuery } from "@/lib/queries/stacks";
import { ENDED_STATES } from "@/lib/job-actions";
import { contextFromEnv, contextFromRow, withBuild, type JobContext } from "@/lib/job-context";
import type { ScheduledJob } from "@/lib/schemas/jobs";

/** A build's jobs change little while one is looked at; the REST API's budget is small and shared. */
const BUILD_STALE_MS = 60_000;

interface Seen {
  row: ScheduledJob;
  /** When the drawer saw the job leave the scheduled list; null while it is in it. */
  leftAt: string | null;
}

/**
 * The drawer's facts about a job. The scheduled list drops a job the moment it is reserved, started or
 * finished; the drawer keeps the last row it saw instead of blanking. A job opened after it left (a link,
 * a reload) is read from its environment instead, once Buildkite has said the job exists and the list
 * has loaded without it (env and command can exceed 100 KB: a job in the list never needs them here).
 */
export function useJobContext(
  stackKey: string,
  queueKey: string,
  jobId: string,
  job: ScheduledJob | undefined,
  state: string | undefined,
): JobContext | undefined {
  const [seen, setSeen] = useState<Seen | null>(job ? { row: job, leftAt: null } : null);
  // Adjusting state while rendering (not in an effect) keeps the last row on the very render it leaves.
  if (job && (seen?.row !== job || seen.leftAt !== null)) setSeen({ row: job, leftAt: null });
  if (!job && seen && seen.leftAt === null) setSeen({ ...seen, leftAt: new Date().toISOString() });

  const exists = state !== undefined && state !== "unknown";
  const [openedAt] = useState(() => Date.now());
  // Only watches the stack page's own read of the list (enabled: false fetches nothing).
  const list = useQuery({ ...scheduledJobsQuery(stackKey, queueKey), enabled: false });
  // A scheduled job missing from a list read before the drawer opened (the page's server render, a
  // cached poll) may simply be newer than that list: wait for the next poll before reading its env.
  const listLoaded = list.data !== undefined && (state !== "scheduled" || list.dataUpdatedAt >= openedAt);
  const env = useQuery({ ...jobQuery(stackKey, jobId), enabled: seen === null && exists && listLoaded });
  const base = seen
    ? contextFromRow(seen.row, seen.leftAt)
    : env.data
      ? contextFromEnv(jobId, env.data.data.env)
      : undefined;

  const pipeline = base?.pipeline ?? null;
  const number = base?.buildNumber ?? null;
  const build = useQuery({
    ...buildQuery(pipeline ?? "", number ?? 0),
    enabled: pipeline !== null && number !== null,
    staleTime: BUILD_STALE_MS,
    retry: false,
  });
  // When the job ends, the build's copy of it says when: Buildkite's notification window starts then.
  const ended = state !== undefined && ENDED_STATES.has(state);
  const { refetch } = build;
  useEffect(() => {
    if (ended && pipeline !== null && number !== null) void refetch();
  }, [ended, pipeline, number, refetch]);

  return base && withBuild(base, jobId, build.data?.data);
}
