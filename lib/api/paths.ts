// Every path of the console's own API, built in one place: the browser's queries and mutations call these,
// and the server uses them for the download links it hands out, so a route's shape is written once.

const enc = encodeURIComponent;

/** Which job of which build (REST API routes name a job by its build). */
export interface BuildJobRef {
  pipeline: string;
  number: number;
  jobId: string;
}

const withQuery = (path: string, query: Record<string, string> | URLSearchParams) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};
const stack = (stackKey: string) => `/api/v1/stacks/${enc(stackKey)}`;
const stackJob = (stackKey: string, jobId: string) => `${stack(stackKey)}/jobs/${enc(jobId)}`;
const build = (pipeline: string, number: number) => `/api/v1/pipelines/${enc(pipeline)}/builds/${number}`;
const buildJob = (ref: BuildJobRef) => `${build(ref.pipeline, ref.number)}/jobs/${enc(ref.jobId)}`;

export const apiPaths = {
  authStatus: () => "/api/v1/auth/status",
  registerStack: () => "/api/v1/stacks",
  deregisterStack: (stackKey: string) => `${stack(stackKey)}/deregister`,
  queue: (stackKey: string, queueKey: string) => withQuery(`${stack(stackKey)}/queue`, { queue: queueKey }),
  queues: (stackKey: string) => `${stack(stackKey)}/queues`,
  pauseDispatch: (stackKey: string, queueKey: string) =>
    withQuery(`${stack(stackKey)}/queue/pause`, { queue: queueKey }),
  resumeDispatch: (stackKey: string, queueKey: string) =>
    withQuery(`${stack(stackKey)}/queue/resume`, { queue: queueKey }),
  triage: (stackKey: string, queueKey: string) => withQuery(`${stack(stackKey)}/triage`, { queue: queueKey }),
  queueHistory: (stackKey: string, queueKey: string, range: string) =>
    withQuery(`${stack(stackKey)}/queue/history`, { queue: queueKey, range }),
  /** Every scheduled job of the queue in one answer, from the server's shared snapshot. */
  scheduledJobs: (stackKey: string, queueKey: string) =>
    withQuery(`${stack(stackKey)}/scheduled-jobs`, { queue: queueKey, all: "1" }),
  /** The queue's changes as server-sent events, continuing from `since` (the version the page holds). */
  queueEvents: (stackKey: string, queueKey: string, since: number | null) =>
    withQuery(
      `${stack(stackKey)}/events`,
      since === null ? { queue: queueKey } : { queue: queueKey, since: String(since) },
    ),
  job: (stackKey: string, jobId: string) => stackJob(stackKey, jobId),
  jobHistory: (stackKey: string, jobId: string) => `${stackJob(stackKey, jobId)}/history`,
  finishJob: (stackKey: string, jobId: string) => `${stackJob(stackKey, jobId)}/finish`,
  finishJobsBulk: (stackKey: string) => `${stack(stackKey)}/bulk-finish`,
  jobStates: (stackKey: string) => `${stack(stackKey)}/job-states`,
  reserveJobs: (stackKey: string) => `${stack(stackKey)}/reservations`,
  releaseJobs: (stackKey: string) => `${stack(stackKey)}/reservations/release`,
  notifyJobs: (stackKey: string) => `${stack(stackKey)}/notifications`,
  reservations: () => "/api/v1/reservations",
  audit: (query: Record<string, string>) => withQuery("/api/v1/audit", query),
  builds: (query: Record<string, string>) => withQuery("/api/v1/builds", query),
  build: (pipeline: string, number: number) => build(pipeline, number),
  artifacts: (pipeline: string, number: number) => `${build(pipeline, number)}/artifacts`,
  annotations: (pipeline: string, number: number) => `${build(pipeline, number)}/annotations`,
  /** The console's own route that streams an artifact: the browser never sees Buildkite's URL or token. */
  artifactDownload: (ref: BuildJobRef, artifactId: string) => `${buildJob(ref)}/artifacts/${enc(artifactId)}/download`,
  retryJob: (ref: BuildJobRef) => `${buildJob(ref)}/retry`,
  unblockJob: (ref: BuildJobRef) => `${buildJob(ref)}/unblock`,
  cancelBuild: (pipeline: string, number: number) => `${build(pipeline, number)}/cancel`,
  rebuildBuild: (pipeline: string, number: number) => `${build(pipeline, number)}/rebuild`,
  /** A job's env from the REST API by its id alone: no build number needed. */
  jobEnvById: (jobId: string) => `/api/v1/jobs/${enc(jobId)}/env`,
  pipelines: () => "/api/v1/pipelines",
  agents: () => "/api/v1/agents",
  logChunk: (ref: BuildJobRef, query: URLSearchParams) => withQuery(`${buildJob(ref)}/log/chunk`, query),
  logSearch: (ref: BuildJobRef, query: URLSearchParams) => withQuery(`${buildJob(ref)}/log/search`, query),
  /** The raw log, streamed as an attachment (not an envelope). */
  logDownload: (ref: BuildJobRef) => `${buildJob(ref)}/log/download`,
};
