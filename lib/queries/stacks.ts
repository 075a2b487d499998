import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch, postJson } from "../api/api-fetch";
import { shareTaggedAnswer } from "../api/answer-cache";
import { apiPaths } from "../api/paths";
import {
  jobDetailSchema,
  jobHistorySchema,
  jobStatesSchema,
  reservationSchema,
  scheduledJobSchema,
} from "../schemas/jobs";
import { queueStateSchema, watchedQueuesSchema } from "../schemas/queue";
import { queryKeys } from "./keys";
import { isPartial } from "../live/first-screen";
import { DEFAULT_STALE_MS } from "./defaults";

// What the browser reads about a stack: its queue, its scheduled jobs, one job's details and history, job
// states, and the reservations the console holds.

export const queueQuery = (stackKey: string, queueKey: string) =>
  queryOptions({
    queryKey: queryKeys.stacks.queue(stackKey, queueKey),
    // Polled every few seconds by every open page: an unchanged queue is answered 304 and not parsed again.
    queryFn: ({ signal }) =>
      apiFetch(apiPaths.queue(stackKey, queueKey), queueStateSchema, { signal }, { conditional: true }),
    structuralSharing: shareTaggedAnswer,
  });

/** The queues the console watches on the stack. */
export const queuesQuery = (stackKey: string) =>
  queryOptions({
    queryKey: queryKeys.stacks.queues(stackKey),
    queryFn: ({ signal }) => apiFetch(apiPaths.queues(stackKey), watchedQueuesSchema, { signal }),
  });

// One schema object for every call: a 304 stands for the last answer only if it was parsed with the same one.
const scheduledJobsSchema = z.array(scheduledJobSchema);

/**
 * Every scheduled job of the queue (up to 5000, ~2 MiB), from the server's shared snapshot. Polled: an
 * unchanged list is answered 304 and not parsed again.
 */
export const scheduledJobsQuery = (stackKey: string, queueKey: string) =>
  queryOptions({
    queryKey: queryKeys.stacks.scheduledJobs(stackKey, queueKey),
    queryFn: ({ signal }) =>
      apiFetch(apiPaths.scheduledJobs(stackKey, queueKey), scheduledJobsSchema, { signal }, { conditional: true }),
    structuralSharing: shareTaggedAnswer,
    // The page's HTML brings only the first screen of rows: the whole list is wanted as soon as it mounts.
    staleTime: (query) => (isPartial(query.state.data) ? 0 : DEFAULT_STALE_MS),
  });

export const jobQuery = (stackKey: string, jobId: string) =>
  queryOptions({
    queryKey: queryKeys.stacks.job(stackKey, jobId),
    queryFn: ({ signal }) => apiFetch(apiPaths.job(stackKey, jobId), jobDetailSchema, { signal }),
    // Env and command do not change while a job waits; they can be large, so fetch them once.
    staleTime: Infinity,
  });

export const jobHistoryQuery = (stackKey: string, jobId: string) =>
  queryOptions({
    queryKey: queryKeys.stacks.jobHistory(stackKey, jobId),
    queryFn: ({ signal }) => apiFetch(apiPaths.jobHistory(stackKey, jobId), jobHistorySchema, { signal }),
  });

/** A read, though it is a POST: the ids can be too many for a URL. */
export const jobStatesQuery = (stackKey: string, jobIds: readonly string[]) =>
  queryOptions({
    queryKey: queryKeys.stacks.jobStates(stackKey, jobIds),
    queryFn: ({ signal }) =>
      apiFetch(apiPaths.jobStates(stackKey), jobStatesSchema, { ...postJson({ jobIds }), signal }),
    enabled: jobIds.length > 0,
  });

export const reservationsQuery = () =>
  queryOptions({
    queryKey: queryKeys.reservations.all(),
    queryFn: ({ signal }) => apiFetch(apiPaths.reservations(), z.array(reservationSchema), { signal }),
  });
