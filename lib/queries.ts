import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "./api-fetch";
import { jobDetailSchema, jobHistorySchema, jobStatesSchema, reservationSchema, scheduledJobSchema } from "./jobs-view";
import { queueViewSchema } from "./queue-view";
import { auditApiQuery, auditEntrySchema, type AuditFilters } from "./audit-view";

// Every query key in one place, so invalidation after a mutation cannot miss one. Keys start with the
// stack key so one `invalidateQueries({queryKey: ["stack", key]})` refreshes everything about a stack.
export const queryKeys = {
  stack: (stackKey: string) => ["stack", stackKey] as const,
  queue: (stackKey: string, queueKey: string) => ["stack", stackKey, "queue", queueKey] as const,
  scheduledJobs: (stackKey: string, queueKey: string) => ["stack", stackKey, "scheduled-jobs", queueKey] as const,
  job: (stackKey: string, jobId: string) => ["stack", stackKey, "job", jobId] as const,
  jobHistory: (stackKey: string, jobId: string) => ["stack", stackKey, "job", jobId, "history"] as const,
  jobStates: (stackKey: string, jobIds: readonly string[]) => ["stack", stackKey, "job-states", [...jobIds].sort()] as const,
  reservations: () => ["reservations"] as const,
  audit: (filters: AuditFilters) => ["audit", filters] as const,
};

const enc = encodeURIComponent;

export const queueQuery = (stackKey: string, queueKey: string) =>
  queryOptions({
    queryKey: queryKeys.queue(stackKey, queueKey),
    queryFn: ({ signal }) => apiFetch(`/api/v1/stacks/${enc(stackKey)}/queue?queue=${enc(queueKey)}`, queueViewSchema, { signal }),
  });

/** Every scheduled job of the queue (up to 5000), from the server's shared snapshot. */
export const scheduledJobsQuery = (stackKey: string, queueKey: string) =>
  queryOptions({
    queryKey: queryKeys.scheduledJobs(stackKey, queueKey),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/stacks/${enc(stackKey)}/scheduled-jobs?queue=${enc(queueKey)}&all=1`, z.array(scheduledJobSchema), { signal }),
  });

export const jobQuery = (stackKey: string, jobId: string) =>
  queryOptions({
    queryKey: queryKeys.job(stackKey, jobId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/stacks/${enc(stackKey)}/jobs/${enc(jobId)}`, jobDetailSchema, { signal }),
    // Env and command do not change while a job waits; they can be large, so fetch them once.
    staleTime: Infinity,
  });

export const jobHistoryQuery = (stackKey: string, jobId: string) =>
  queryOptions({
    queryKey: queryKeys.jobHistory(stackKey, jobId),
    queryFn: ({ signal }) => apiFetch(`/api/v1/stacks/${enc(stackKey)}/jobs/${enc(jobId)}/history`, jobHistorySchema, { signal }),
  });

export const jobStatesQuery = (stackKey: string, jobIds: readonly string[]) =>
  queryOptions({
    queryKey: queryKeys.jobStates(stackKey, jobIds),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/stacks/${enc(stackKey)}/job-states`, jobStatesSchema, {
        signal,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jobIds }),
      }),
    enabled: jobIds.length > 0,
  });

export const reservationsQuery = () =>
  queryOptions({
    queryKey: queryKeys.reservations(),
    queryFn: ({ signal }) => apiFetch("/api/v1/reservations", z.array(reservationSchema), { signal }),
  });

/** A page of the audit log, newest first. */
export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ signal }) => apiFetch(`/api/v1/audit?${new URLSearchParams(auditApiQuery(filters))}`, z.array(auditEntrySchema), { signal }),
  });
