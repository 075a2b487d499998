import type { AnnotationRecord } from "./annotations";
import { artifactSha1, artifactSize, type ArtifactRecord } from "./artifacts";
import type { Build, Job, Pipeline } from "./model";
import type { SimState } from "./state";

// REST wire shapes for builds, jobs, pipelines, artifacts and annotations, as
// https://buildkite.com/docs/apis/rest-api/builds documents them. Written here, not shared with the console's
// client, so a wrong field name cannot hide in both.

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The other date form some REST fields use: `2026-11-20 09:14:03 UTC`. */
export function utcDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const WEB = "https://buildkite.com";

/** REST never says `finished` (it says passed or failed by exit status) and shows limiting jobs as scheduled. */
export function restJobState(job: Job): string {
  switch (job.state) {
    case "finished":
      return job.type !== "script" || job.exitStatus === 0 ? "passed" : "failed";
    case "limiting":
    case "limited":
      return "scheduled";
    default:
      return job.state;
  }
}

export function buildPath(base: string, state: SimState, build: Build): string {
  return `${base}/organizations/${state.org.slug}/pipelines/${build.pipelineSlug}/builds/${build.number}`;
}

export function buildWebUrl(state: SimState, build: Build): string {
  return `${WEB}/${state.org.slug}/${build.pipelineSlug}/builds/${build.number}`;
}

export function jobJson(base: string, state: SimState, job: Job): Record<string, unknown> {
  const build = state.builds.get(job.buildUuid);
  const buildUrl = build === undefined ? "" : buildPath(base, state, build);
  const webUrl = build === undefined ? null : `${buildWebUrl(state, build)}#${job.uuid}`;
  const ids = { id: job.uuid, graphql_id: graphqlId("Job", job.uuid), type: job.type };
  // A real build's waiter is its ids and type alone: no state, name or step key (SOURCES.md, the capture).
  if (job.type === "waiter") return ids;
  const common = { ...ids, step_key: job.stepKey, group_key: null, state: restJobState(job) };
  const dates = {
    created_at: iso(job.createdAt),
    scheduled_at: iso(job.scheduledAt),
    runnable_at: iso(job.runnableAt),
    started_at: iso(job.startedAt),
    finished_at: iso(job.finishedAt),
  };
  // A block step is named by `label` alone, as the docs' unblock example shows.
  if (job.type === "manual") {
    return {
      ...common,
      label: job.label,
      web_url: webUrl,
      unblocked_by:
        job.unblockedBy === null
          ? null
          : { id: graphqlId("User", job.unblockedBy.email), name: job.unblockedBy.name, email: job.unblockedBy.email },
      unblocked_at: iso(job.unblockedAt),
      unblockable: job.state === "blocked",
      unblock_url: `${buildUrl}/jobs/${job.uuid}/unblock`,
      ...dates,
    };
  }
  if (job.type === "trigger") {
    const triggered = job.triggeredBuildUuid === null ? undefined : state.builds.get(job.triggeredBuildUuid);
    return {
      ...common,
      name: job.label,
      web_url: webUrl,
      ...dates,
      triggered_build:
        triggered === undefined
          ? null
          : {
              id: triggered.uuid,
              number: triggered.number,
              url: buildPath(base, state, triggered),
              web_url: buildWebUrl(state, triggered),
            },
    };
  }
  const queue = state.queue(job.queueKey);
  return {
    ...common,
    name: job.label,
    priority: { number: job.priority },
    agent_query_rules: job.agentQueryRules,
    build_url: buildUrl,
    web_url: webUrl,
    log_url: `${buildUrl}/jobs/${job.uuid}/log`,
    raw_log_url: `${buildUrl}/jobs/${job.uuid}/log.txt`,
    artifacts_url: `${buildUrl}/jobs/${job.uuid}/artifacts`,
    command: job.command,
    soft_failed: job.softFailed,
    exit_status: job.exitStatus,
    signal:
      job.state === "timed_out" ? "SIGTERM" : job.state === "canceled" && job.startedAt !== null ? "SIGINT" : null,
    signal_reason: job.state === "canceled" && job.startedAt !== null ? "cancel" : null,
    artifact_paths: null,
    agent:
      job.agentName === null
        ? null
        : { id: graphqlId("Agent", job.agentName), name: job.agentName, hostname: job.agentName },
    ...dates,
    expired_at: null,
    retried: job.retried,
    retried_in_job_id: job.retriedInJobId,
    retries_count: job.retriesCount,
    retry_source:
      job.retrySource === null ? null : { job_id: job.retrySource.jobId, retry_type: job.retrySource.retryType },
    retry_type: job.retrySource?.retryType ?? null,
    parallel_group_index: null,
    parallel_group_total: null,
    matrix: null,
    cluster_id: state.cluster.id,
    cluster_url: `${base}/organizations/${state.org.slug}/clusters/${state.cluster.id}`,
    cluster_queue_id: queue?.id ?? null,
    cluster_queue_url:
      queue === undefined
        ? null
        : `${base}/organizations/${state.org.slug}/clusters/${state.cluster.id}/queues/${queue.id}`,
  };
}

export function graphqlId(type: string, id: string): string {
  return Buffer.from(`${type}---${id}`).toString("base64");
}

export interface BuildJsonOptions {
  jobs: boolean;
  pipeline: boolean;
  retriedJobs: boolean;
  stateCounts: boolean;
}

/** The build's jobs in step order; retried attempts only when asked for. */
export function buildJobs(state: SimState, build: Build, retried: boolean): Job[] {
  return build.jobIds
    .map((id) => state.jobs.get(id))
    .filter((job): job is Job => job !== undefined && (retried || !job.retried));
}

export function buildJson(
  base: string,
  state: SimState,
  build: Build,
  options: BuildJsonOptions,
): Record<string, unknown> {
  const pipeline = state.pipelines.get(build.pipelineSlug);
  const jobs = buildJobs(state, build, options.retriedJobs);
  const rebuiltFrom = build.rebuiltFromUuid === null ? undefined : state.builds.get(build.rebuiltFromUuid);
  const view: Record<string, unknown> = {
    id: build.uuid,
    graphql_id: graphqlId("Build", build.uuid),
    url: buildPath(base, state, build),
    web_url: buildWebUrl(state, build),
    number: build.number,
    state: build.state,
    blocked: build.blocked,
    cancel_reason: null,
    message: build.message,
    commit: build.commit,
    branch: build.branch,
    tag: null,
    env: {},
    source: build.source,
    author: { name: build.author.name, email: build.author.email },
    creator: creatorJson(build),
    created_at: iso(build.createdAt),
    scheduled_at: iso(build.createdAt),
    started_at: iso(build.startedAt),
    finished_at: iso(build.finishedAt),
    meta_data: build.metaData,
    pull_request: null,
    rebuilt_from:
      rebuiltFrom === undefined
        ? null
        : { id: rebuiltFrom.uuid, number: rebuiltFrom.number, url: buildPath(base, state, rebuiltFrom) },
  };
  if (options.pipeline && pipeline !== undefined) view.pipeline = pipelineJson(base, state, pipeline);
  if (options.jobs) view.jobs = jobs.map((job) => jobJson(base, state, job));
  if (options.stateCounts) {
    // Waiters have no state to count.
    const counted = jobs.filter((job) => job.type !== "waiter");
    const states: Record<string, number> = {};
    for (const job of counted) states[restJobState(job)] = (states[restJobState(job)] ?? 0) + 1;
    view.job_state_counts = { total: counted.length, states };
  }
  return view;
}

function creatorJson(build: Build): Record<string, unknown> {
  const creator = build.creator ?? build.author;
  const id = graphqlId("User", creator.email);
  if (build.creatorIdsOnly) return { id, graphql_id: graphqlId("User", id) };
  return {
    id,
    name: creator.name,
    email: creator.email,
    avatar_url: "https://www.gravatar.com/avatar/0",
    created_at: iso(build.createdAt - 400 * 86_400_000),
  };
}

export function pipelineJson(base: string, state: SimState, pipeline: Pipeline): Record<string, unknown> {
  const url = `${base}/organizations/${state.org.slug}/pipelines/${pipeline.slug}`;
  return {
    id: pipeline.uuid,
    graphql_id: graphqlId("Pipeline", pipeline.uuid),
    url,
    web_url: `${WEB}/${state.org.slug}/${pipeline.slug}`,
    name: pipeline.name,
    description: null,
    slug: pipeline.slug,
    repository: pipeline.repository,
    cluster_id: state.cluster.id,
    branch_configuration: null,
    default_branch: pipeline.defaultBranch,
    skip_queued_branch_builds: false,
    cancel_running_branch_builds: false,
    provider: { id: "github", settings: { trigger_mode: "code" } },
    builds_url: `${url}/builds`,
    badge_url: `https://badge.buildkite.com/${pipeline.uuid.replaceAll("-", "")}.svg`,
    created_at: utcDate(state.cluster.createdAt),
    archived_at: null,
    visibility: "private",
    tags: null,
  };
}

export function artifactJson(base: string, state: SimState, record: ArtifactRecord): Record<string, unknown> {
  const build = state.builds.get(record.buildUuid);
  const url = `${build === undefined ? "" : buildPath(base, state, build)}/jobs/${record.jobUuid}/artifacts/${record.id}`;
  const slash = record.path.lastIndexOf("/");
  const finished = record.state === "finished";
  return {
    id: record.id,
    job_id: record.jobUuid,
    url,
    download_url: `${url}/download`,
    state: record.state,
    path: record.path,
    dirname: slash < 0 ? "." : record.path.slice(0, slash),
    filename: record.path.slice(slash + 1),
    mime_type: record.mimeType,
    file_size: finished ? artifactSize(record) : 0,
    glob_path: record.path,
    original_path: record.path,
    sha1sum: finished ? artifactSha1(record) : null,
  };
}

export function annotationJson(record: AnnotationRecord): Record<string, unknown> {
  return {
    id: record.id,
    context: record.context,
    style: record.style,
    scope: record.scope,
    job_id: record.jobUuid,
    priority: record.priority,
    body_html: record.bodyHtml,
    created_at: iso(record.createdAt),
    updated_at: iso(record.updatedAt),
  };
}
