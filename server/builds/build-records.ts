import "server-only";
import type { BuildJob, BuildSummary } from "@/lib/builds-view";
import type { RestBuild, RestJob } from "../buildkite/rest";

/** Job states that mean the job failed (a soft failure is allowed to fail, so it is not one). */
const FAILED_STATES = new Set(["failed", "timed_out", "broken", "expired"]);

export function buildSummaryView(build: RestBuild, pipelineSlug?: string): BuildSummary {
  return {
    id: build.id,
    number: build.number,
    state: build.state,
    blocked: build.blocked,
    branch: build.branch,
    commit: build.commit,
    message: build.message,
    source: build.source,
    creator: build.creator,
    pipeline: build.pipeline ?? { slug: pipelineSlug ?? "", name: null },
    createdAt: build.createdAt,
    scheduledAt: build.scheduledAt,
    startedAt: build.startedAt,
    finishedAt: build.finishedAt,
    webUrl: build.webUrl,
  };
}

export function buildJobView(job: RestJob): BuildJob {
  return {
    id: job.id,
    type: job.type,
    name: job.name,
    stepKey: job.stepKey,
    state: job.state,
    exitStatus: job.exitStatus,
    softFailed: job.softFailed,
    agentQueryRules: job.agentQueryRules,
    agentName: job.agentName,
    createdAt: job.createdAt,
    scheduledAt: job.scheduledAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    webUrl: job.webUrl,
    retried: job.retried,
    retriedInJobId: job.retriedInJobId,
    retriesCount: job.retriesCount,
    hasLog: job.type === "script",
  };
}

export function isFailedJob(job: BuildJob): boolean {
  return !job.softFailed && FAILED_STATES.has(job.state);
}

/** Counts by state, always with the four the contract names so a reader need not test for absence. */
export function jobCounts(jobs: readonly BuildJob[]): Record<string, number> {
  const counts: Record<string, number> = { passed: 0, failed: 0, running: 0, blocked: 0 };
  for (const job of jobs) counts[job.state] = (counts[job.state] ?? 0) + 1;
  return counts;
}
