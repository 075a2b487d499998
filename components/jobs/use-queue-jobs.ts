"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { queueQuery, scheduledJobsQuery } from "@/lib/queries/stacks";
import { useQueueStream } from "./use-queue-stream";

const NO_JOBS: readonly ScheduledJob[] = [];

/**
 * The queue's state and every scheduled job, kept current by the server's event stream, or polled every
 * `intervalMs` while the stream is not open; `paused` holds both still. The last answer stays on screen
 * while the next one loads.
 */
export function useQueueJobs(stackKey: string, queueKey: string, intervalMs: number, paused: boolean) {
  const stream = useQueueStream(stackKey, queueKey, !paused);
  const refetchInterval = paused || stream.mode === "live" ? false : intervalMs;
  const queue = useQuery({ ...queueQuery(stackKey, queueKey), refetchInterval, placeholderData: keepPreviousData });
  const jobsQuery = useQuery({
    ...scheduledJobsQuery(stackKey, queueKey),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
  const jobs = jobsQuery.data?.data ?? NO_JOBS;
  const jobsById = useMemo(() => new Map(jobs.map((job) => [job.id, job])), [jobs]);
  const allIds = useMemo(() => jobs.map((job) => job.id), [jobs]);
  const scheduledMs = useMemo(() => jobs.map((job) => Date.parse(job.scheduledAt)), [jobs]);
  return { queue, jobsQuery, stream, loaded: jobsQuery.data !== undefined, jobs, jobsById, allIds, scheduledMs };
}
