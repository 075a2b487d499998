import type { ContractBuild, ContractBuildListItem, ContractJob } from "@/lib/contract/common";
import type { RestBuild, RestJob } from "@/server/buildkite/rest";

// Buildkite's REST records in the contract's camelCase shapes.

export const isWaiter = (job: RestJob) => job.type === "waiter";

export function toContractJob(job: RestJob): ContractJob {
  return {
    id: job.id,
    type: job.type,
    name: job.name,
    stepKey: job.stepKey,
    state: job.state ?? "",
    exitStatus: job.exitStatus === null ? null : String(job.exitStatus),
    webUrl: job.webUrl,
  };
}

export function toContractBuild(build: RestBuild): ContractBuild {
  return {
    number: build.number,
    state: build.state,
    branch: build.branch,
    commit: build.commit,
    message: build.message,
    webUrl: build.webUrl,
  };
}

export function toBuildListItem(build: RestBuild, pipelineSlug: string | null): ContractBuildListItem {
  return {
    ...toContractBuild(build),
    pipeline: { slug: build.pipeline?.slug ?? pipelineSlug ?? "" },
    createdAt: build.createdAt,
    startedAt: build.startedAt,
    finishedAt: build.finishedAt,
  };
}
