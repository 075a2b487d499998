// Shared with the bkci CLI, which runs in plain Node: no "server-only" import (ESLint keeps it out of browsers).
import { countJobsByState } from "@/lib/build-jobs";
import type { BuildJob, BuildSummary, Pipeline } from "@/lib/schemas/builds";
import type { RestBuild, RestJob, RestPipeline } from "./rest";

export function toBuildSummary(build: RestBuild, pipelineSlug?: string): BuildSummary {
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

export function toBuildJob(job: RestJob): BuildJob {
  return {
    id: job.id,
    type: job.type,
    name: job.name,
    stepKey: job.stepKey,
    state: job.state,
    exitStatus: job.exitStatus === null ? null : String(job.exitStatus),
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
    retrySource: job.retrySource,
    hasLog: job.type === "script",
  };
}

/** Counts by state, always with the four the contract names so a reader need not test for absence. */
export function jobCounts(jobs: readonly BuildJob[]): Record<string, number> {
  return countJobsByState(jobs, { passed: 0, failed: 0, running: 0, blocked: 0 });
}

/** A pipeline as pipelines.list shows it (the console's API and bkci alike). */
export function toPipeline({ slug, name, repository, defaultBranch, webUrl }: RestPipeline): Pipeline {
  return { slug, name, repository, defaultBranch, webUrl };
}
