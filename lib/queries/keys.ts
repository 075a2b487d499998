import type { BuildJobRef } from "../api/paths";
import type { AuditFilters } from "../filters/audit";
import type { BuildFilters } from "../filters/builds";

// Every query key in one place, nested by domain, so invalidating a prefix reaches everything under it:
// `stacks.stack(key)` refreshes the queue, jobs, job details and states of that stack, `builds.build(p, n)`
// a build with its artifacts and annotations. Each piece of data has exactly one key.

export const queryKeys = {
  auth: {
    status: () => ["auth", "status"] as const,
  },
  stacks: {
    stack: (stackKey: string) => ["stacks", stackKey] as const,
    queue: (stackKey: string, queueKey: string) => ["stacks", stackKey, "queue", queueKey] as const,
    queues: (stackKey: string) => ["stacks", stackKey, "queues"] as const,
    triage: (stackKey: string, queueKey: string) => ["stacks", stackKey, "triage", queueKey] as const,
    queueHistory: (stackKey: string, queueKey: string, range: string) =>
      ["stacks", stackKey, "queue-history", queueKey, range] as const,
    scheduledJobs: (stackKey: string, queueKey: string) => ["stacks", stackKey, "scheduled-jobs", queueKey] as const,
    job: (stackKey: string, jobId: string) => ["stacks", stackKey, "job", jobId] as const,
    jobHistory: (stackKey: string, jobId: string) => ["stacks", stackKey, "job", jobId, "history"] as const,
    jobStates: (stackKey: string, jobIds: readonly string[]) =>
      ["stacks", stackKey, "job-states", [...jobIds].sort()] as const,
  },
  reservations: {
    all: () => ["reservations"] as const,
  },
  agents: {
    all: () => ["agents"] as const,
  },
  audit: {
    page: (filters: AuditFilters) => ["audit", filters] as const,
  },
  builds: {
    lists: () => ["builds", "list"] as const,
    list: (filters: BuildFilters) => ["builds", "list", filters] as const,
    build: (pipeline: string, number: number) => ["builds", "build", pipeline, number] as const,
    artifacts: (pipeline: string, number: number) => ["builds", "build", pipeline, number, "artifacts"] as const,
    annotations: (pipeline: string, number: number) => ["builds", "build", pipeline, number, "annotations"] as const,
    pipelines: () => ["builds", "pipelines"] as const,
  },
  jobs: {
    restEnv: (jobId: string) => ["jobs", jobId, "rest-env"] as const,
  },
  logs: {
    search: (ref: BuildJobRef, query: string, caseSensitive: boolean) =>
      ["logs", ref.pipeline, ref.number, ref.jobId, "search", query, caseSensitive] as const,
  },
};
