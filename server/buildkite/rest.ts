// server/buildkite also runs in the bkci CLI, in plain Node, so its modules do not import "server-only"; the
// ESLint no-restricted-imports fence still keeps server/ out of browser code.

import type { z } from "zod";

import { httpCoreOptions, type BuildkiteClientOptions } from "./client-options";
import { BuildkiteError } from "./errors";
import { createHttpCore, type ApiResult, type HttpRequest, type RequestOptions, type ResponseBody } from "./http";
import { pageNumber, parseLinkHeader } from "./link-header";
import { escapedPath } from "./path";
import { parseRateLimit, parseRestRateLimit, type RateLimitInfo } from "./rate-limit";
import { restAgentListSchema, type RestAgent, type RestAgentQuery } from "./rest-agent-schemas";
import {
  artifactDownloadBodySchema,
  restAnnotationListSchema,
  restArtifactListSchema,
  type RestAnnotation,
  type RestArtifact,
} from "./rest-artifact-schemas";
import {
  accessTokenSchema,
  jobEnvSchema,
  jobLogJsonSchema,
  restBuildListSchema,
  restBuildSchema,
  restJobSchema,
  restPipelineListSchema,
  type AccessToken,
  type JobLogJson,
  type RestBuild,
  type RestJob,
  type RestPipeline,
} from "./rest-build-schemas";
import {
  clusterListSchema,
  clusterQueueListSchema,
  clusterQueueSchema,
  type RestCluster,
  type RestClusterQueue,
} from "./rest-schemas";
import { openStorageDownload, type StorageDownload } from "./storage-download";

export type { RestCluster, RestClusterQueue } from "./rest-schemas";
export type { AccessToken, JobLogJson, RestBuild, RestJob, RestPipeline } from "./rest-build-schemas";
export type { RestAnnotation, RestArtifact } from "./rest-artifact-schemas";
export type { RestAgent, RestAgentJob, RestAgentQuery } from "./rest-agent-schemas";
export type { StorageDownload } from "./storage-download";

export interface RestClientOptions extends BuildkiteClientOptions {
  /** Page size for lists read whole; default (and Buildkite's maximum) 100. */
  perPage?: number;
  /** Told each time Buildkite reports the budgets, so other instances of the console can see them too. */
  onBudget?: (budget: RestBudget) => void;
}

/** One page of a REST list, with where the `Link` header says the neighbouring pages are. */
export interface Page<T> extends ApiResult<T[]> {
  links: Record<string, string>;
  nextPage: number | null;
  prevPage: number | null;
}

/** Which builds a list covers: every organization the token sees, one organization, or one pipeline. */
export type BuildScope = { org?: undefined; pipeline?: undefined } | { org: string; pipeline?: string };

/** The list-builds filters of the reference, in Buildkite's own names. */
export interface RestBuildQuery {
  branch?: string | readonly string[];
  commit?: string;
  state?: string | readonly string[];
  createdFrom?: string;
  createdTo?: string;
  finishedFrom?: string;
  creator?: string;
  metaData?: Readonly<Record<string, string>>;
  excludeJobs?: boolean;
  excludePipeline?: boolean;
  includeRetriedJobs?: boolean;
  page?: number;
  perPage?: number;
}

export interface JobRef {
  org: string;
  pipeline: string;
  build: number;
  job: string;
}

export interface BuildRef {
  org: string;
  pipeline: string;
  build: number;
}

/** What a new build runs: `commit` (a SHA or `HEAD`) and `branch` are required by Buildkite. */
export interface CreateBuildInput {
  commit: string;
  branch: string;
  message?: string;
  env?: Readonly<Record<string, string>>;
  metaData?: Readonly<Record<string, string>>;
  /** The commit's author; the build's creator is always the token's user. */
  author?: { name: string; email: string };
}

/** A log's raw bytes as they stream in; `range` is set for a 206 tail. */
export interface LogStream {
  status: number;
  body: ResponseBody;
  totalBytes: number | null;
  range: { start: number; end: number } | null;
}

/** Both REST budgets as last reported; each request spends one of each. */
export interface RestBudget {
  organization: RateLimitInfo | null;
  user: RateLimitInfo | null;
  observedAt: number | null;
}

export interface RestClient {
  accessToken(opts?: RequestOptions): Promise<ApiResult<AccessToken>>;
  listBuilds(scope: BuildScope, filters?: RestBuildQuery, opts?: RequestOptions): Promise<Page<RestBuild>>;
  /** The build with every attempt of each job: a retried job stays, marked retried, beside its retry. */
  getBuild(ref: BuildRef, opts?: RequestOptions): Promise<ApiResult<RestBuild>>;
  /** Every pipeline of the organization, optionally filtered by `name` or `repository`. */
  listPipelines(
    org: string,
    filters?: { name?: string; repository?: string },
    opts?: RequestOptions,
  ): Promise<ApiResult<RestPipeline[]>>;
  jobLog(ref: JobRef, opts?: RequestOptions): Promise<ApiResult<JobLogJson>>;
  /** The log's raw size from a `HEAD`, without its bytes. */
  jobLogSize(ref: JobRef, opts?: RequestOptions): Promise<number>;
  /** The whole raw log, streamed. */
  jobLogText(ref: JobRef, opts?: RequestOptions): Promise<LogStream>;
  /** The last `bytes` of the raw log by a suffix `Range`; null when the log is empty (nothing written yet). */
  jobLogTail(ref: JobRef, bytes: number, opts?: RequestOptions): Promise<LogStream | null>;
  jobEnv(ref: JobRef, opts?: RequestOptions): Promise<ApiResult<Record<string, string>>>;
  /** The same env by job id alone, for a job whose build is not known. */
  orgJobEnv(org: string, job: string, opts?: RequestOptions): Promise<ApiResult<Record<string, string>>>;
  /** Returns the new job; the retried one can never be retried again. */
  retryJob(ref: JobRef, opts?: RequestOptions): Promise<ApiResult<RestJob>>;
  /** Starts a build (Buildkite answers 201); the build is created at most once, so it is never resent. */
  createBuild(
    org: string,
    pipeline: string,
    input: CreateBuildInput,
    opts?: RequestOptions,
  ): Promise<ApiResult<RestBuild>>;
  /** Scheduled, running and failing builds only (422 otherwise); returns the build as it now stands. */
  cancelBuild(ref: BuildRef, opts?: RequestOptions): Promise<ApiResult<RestBuild>>;
  /** Returns the **new** build, a fresh run of the same commit. */
  rebuildBuild(ref: BuildRef, opts?: RequestOptions): Promise<ApiResult<RestBuild>>;
  /** Block steps only (400 otherwise); the fields become the build's meta-data. Returns the unblocked job. */
  unblockJob(ref: JobRef, fields: Record<string, string>, opts?: RequestOptions): Promise<ApiResult<RestJob>>;
  listArtifacts(
    ref: BuildRef & { job?: string },
    filters?: { state?: string; path?: string },
    opts?: RequestOptions,
  ): Promise<ApiResult<RestArtifact[]>>;
  /** Follows the 302 to storage, which gets no Authorization header: the token is for Buildkite only. */
  /**
   * Follows the download's 302 to storage (with no Authorization header); `consoleHost` is where the
   * console itself answers, which storage may never be.
   */
  downloadArtifact(
    ref: JobRef,
    artifactId: string,
    opts?: RequestOptions & { consoleHost?: string | null },
  ): Promise<StorageDownload>;
  listAnnotations(
    ref: BuildRef,
    scope?: "build" | "job" | "all",
    opts?: RequestOptions,
  ): Promise<ApiResult<RestAnnotation[]>>;
  listClusters(org: string, opts?: RequestOptions): Promise<ApiResult<RestCluster[]>>;
  /** Every queue of the cluster, following the `Link` header page by page. */
  listClusterQueues(org: string, clusterId: string, opts?: RequestOptions): Promise<ApiResult<RestClusterQueue[]>>;
  getClusterQueue(
    org: string,
    clusterId: string,
    queueId: string,
    opts?: RequestOptions,
  ): Promise<ApiResult<RestClusterQueue>>;
  pauseDispatch(
    org: string,
    clusterId: string,
    queueId: string,
    note: string | null,
    opts?: RequestOptions,
  ): Promise<ApiResult<RestClusterQueue>>;
  resumeDispatch(
    org: string,
    clusterId: string,
    queueId: string,
    opts?: RequestOptions,
  ): Promise<ApiResult<RestClusterQueue>>;
  /** Every connected agent of the organization (scope read_agents), following the `Link` header page by page. */
  listAgents(org: string, filters?: RestAgentQuery, opts?: RequestOptions): Promise<ApiResult<RestAgent[]>>;
  /** What Buildkite last said is left of both budgets, for callers deciding whether to spend it. */
  budget(): RestBudget;
}

/** The largest page Buildkite serves; fewer pages means less of the per-user budget of 50 a minute. */
export const MAX_PER_PAGE = 100;
/** A runaway `next` chain (a server bug) must end; no list the console reads is near this deep. */
export const MAX_PAGES = 50;

function buildsPath(scope: BuildScope): string {
  if (scope.org === undefined) return "/builds";
  if (scope.pipeline === undefined) return escapedPath`/organizations/${scope.org}/builds`;
  return escapedPath`/organizations/${scope.org}/pipelines/${scope.pipeline}/builds`;
}

const buildPath = (ref: BuildRef) =>
  escapedPath`/organizations/${ref.org}/pipelines/${ref.pipeline}/builds/${String(ref.build)}`;
const jobPath = (ref: JobRef) => `${buildPath(ref)}${escapedPath`/jobs/${ref.job}`}`;

function buildQuery(filters: RestBuildQuery): HttpRequest["query"] {
  const list = (name: string, value: string | readonly string[] | undefined) =>
    value === undefined ? {} : typeof value === "string" ? { [name]: value } : { [`${name}[]`]: value };
  const flag = (value: boolean | undefined) => (value ? "true" : undefined);
  const metaData = Object.fromEntries(
    Object.entries(filters.metaData ?? {}).map(([key, value]) => [`meta_data[${key}]`, value]),
  );
  return {
    ...list("branch", filters.branch),
    ...list("state", filters.state),
    commit: filters.commit,
    created_from: filters.createdFrom,
    created_to: filters.createdTo,
    finished_from: filters.finishedFrom,
    creator: filters.creator,
    ...metaData,
    exclude_jobs: flag(filters.excludeJobs),
    exclude_pipeline: flag(filters.excludePipeline),
    include_retried_jobs: flag(filters.includeRetriedJobs),
    page: filters.page,
    per_page: filters.perPage,
  };
}

/** `bytes 100-199/1000` → its numbers; null for anything else. */
function parseContentRange(value: string | undefined): { start: number; end: number; total: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value?.trim() ?? "");
  return match ? { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) } : null;
}

function contentLength(headers: Record<string, string>): number | null {
  const value = headers["content-length"];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

export function createRestClient(options: RestClientOptions): RestClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const budget: RestBudget = { organization: null, user: null, observedAt: null };
  const http = createHttpCore({
    ...httpCoreOptions(options, "Bearer"),
    rateLimit: (headers) => {
      const organization = parseRateLimit(headers);
      const user = parseRateLimit(headers, "ratelimit-user");
      if (organization !== null || user !== null) {
        Object.assign(budget, { organization, user, observedAt: Date.now() });
        options.onBudget?.({ ...budget });
      }
      return parseRestRateLimit(headers);
    },
  });

  /**
   * The request for a `next` link. The token goes only to the configured API: a link pointing anywhere
   * else is refused rather than followed with the Authorization header attached.
   */
  function requestFor(link: string, method: HttpRequest["method"]): Omit<HttpRequest, "expect"> {
    const url = new URL(link, base);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
      throw new BuildkiteError({
        kind: "parse",
        retryable: false,
        message: `Buildkite's pagination link leaves the API (${url.origin}${url.pathname}); not following it`,
        method,
        path: url.pathname,
        attempts: 0,
      });
    }
    const query: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
    const flat = Object.fromEntries(
      Object.entries(query).map(([name, values]) => [
        name,
        values.length === 1 && !name.endsWith("[]") ? (values[0] ?? "") : values,
      ]),
    );
    return { method, path: url.pathname.slice(basePath.length), query: flat };
  }

  async function page<T>(
    request: Omit<HttpRequest, "expect">,
    schema: z.ZodType<T[]>,
    opts?: RequestOptions,
  ): Promise<Page<T>> {
    const result = await http.sendJson(request, schema, opts);
    const links = parseLinkHeader(result.headers.link);
    return { ...result, links, nextPage: pageNumber(links.next), prevPage: pageNumber(links.prev) };
  }

  async function all<T>(
    first: Omit<HttpRequest, "expect">,
    schema: z.ZodType<T[]>,
    opts?: RequestOptions,
  ): Promise<ApiResult<T[]>> {
    let current = await page(
      { ...first, query: { per_page: options.perPage ?? MAX_PER_PAGE, ...first.query } },
      schema,
      opts,
    );
    const items: T[] = [...current.data];
    const raw: unknown[] = Array.isArray(current.raw) ? [...(current.raw as unknown[])] : [];
    for (let count = 1; current.links.next !== undefined && count < MAX_PAGES; count++) {
      current = await page(requestFor(current.links.next, "GET"), schema, opts);
      items.push(...current.data);
      if (Array.isArray(current.raw)) raw.push(...(current.raw as unknown[]));
    }
    return { ...current, data: items, raw };
  }

  async function jobLogTail(ref: JobRef, bytes: number, opts?: RequestOptions): Promise<LogStream | null> {
    try {
      return await logStream(ref, { range: `bytes=-${Math.max(1, Math.floor(bytes))}` }, opts);
    } catch (error) {
      // A suffix range is satisfiable by any log with a byte in it: Buildkite's 416 means nothing is written
      // yet (a job still waiting, or one with no output), which is an empty log, not a bad request.
      if (error instanceof BuildkiteError && error.status === 416) return null;
      throw error;
    }
  }

  const jobLogText = (ref: JobRef, opts?: RequestOptions) => logStream(ref, {}, opts);

  async function logStream(
    ref: JobRef,
    extraHeaders: Record<string, string>,
    opts?: RequestOptions,
  ): Promise<LogStream> {
    const headers: Record<string, string> = { accept: "text/plain", ...extraHeaders };
    const response = await http.send({ method: "GET", path: `${jobPath(ref)}/log`, headers, expect: "stream" }, opts);
    const body = response.body;
    if (body === null) throw new Error("a streamed response always has a body");
    const range = parseContentRange(response.headers["content-range"]);
    return {
      status: response.status,
      body,
      totalBytes: range?.total ?? contentLength(response.headers),
      range: range && { start: range.start, end: range.end },
    };
  }

  async function downloadArtifact(
    ref: JobRef,
    artifactId: string,
    opts?: RequestOptions & { consoleHost?: string | null },
  ): Promise<StorageDownload> {
    const response = await http.send(
      {
        method: "GET",
        path: `${jobPath(ref)}${escapedPath`/artifacts/${artifactId}/download`}`,
        expect: "text",
        allowRedirect: true,
      },
      opts,
    );
    let location = response.headers.location;
    if (location === undefined) {
      const parsed = artifactDownloadBodySchema.safeParse(safeJson(response.text));
      location = parsed.success ? parsed.data.url : undefined;
    }
    if (location === undefined) {
      throw new BuildkiteError({
        kind: "parse",
        retryable: false,
        message: "Buildkite's artifact download answer named no storage URL",
        method: "GET",
        path: `${basePath}${jobPath(ref)}/artifacts/…/download`,
        attempts: response.attempts,
        status: response.status,
      });
    }
    return openStorageDownload(new URL(location, base), {
      apiBase: base,
      consoleHost: opts?.consoleHost ?? null,
      userAgentPrefix: options.userAgentPrefix,
      signal: opts?.signal,
      dispatcher: options.dispatcher,
    });
  }

  const queuePath = (org: string, clusterId: string, queueId: string) =>
    escapedPath`/organizations/${org}/clusters/${clusterId}/queues/${queueId}`;

  return {
    accessToken: (opts) => http.sendJson({ method: "GET", path: "/access-token" }, accessTokenSchema, opts),

    listBuilds: (scope, filters = {}, opts) =>
      page({ method: "GET", path: buildsPath(scope), query: buildQuery(filters) }, restBuildListSchema, opts),

    // Without include_retried_jobs Buildkite lists only each step's latest attempt, and a retried job (its
    // row on the build page, its log page's name and state) would vanish from the build it belongs to.
    getBuild: (ref, opts) =>
      http.sendJson(
        { method: "GET", path: buildPath(ref), query: { include_retried_jobs: "true" } },
        restBuildSchema,
        opts,
      ),

    listPipelines: (org, filters = {}, opts) =>
      all(
        { method: "GET", path: escapedPath`/organizations/${org}/pipelines`, query: { ...filters } },
        restPipelineListSchema,
        opts,
      ),

    jobLog: (ref, opts) => http.sendJson({ method: "GET", path: `${jobPath(ref)}/log` }, jobLogJsonSchema, opts),

    async jobLogSize(ref, opts) {
      const response = await http.send(
        { method: "HEAD", path: `${jobPath(ref)}/log`, headers: { accept: "text/plain" }, expect: "none" },
        opts,
      );
      return contentLength(response.headers) ?? 0;
    },

    jobLogText,
    jobLogTail,

    jobEnv: (ref, opts) => http.sendJson({ method: "GET", path: `${jobPath(ref)}/env` }, jobEnvSchema, opts),

    orgJobEnv: (org, job, opts) =>
      http.sendJson({ method: "GET", path: escapedPath`/organizations/${org}/jobs/${job}/env` }, jobEnvSchema, opts),

    // None of the writes below is idempotent, so none is resent after a 5xx or a dropped connection: the
    // first attempt may have landed. A second retry or unblock is refused (400), a second cancel is a 422
    // for a build that is already canceled, and a second create or rebuild would start another build.
    retryJob: (ref, opts) =>
      http.sendJson({ method: "PUT", path: `${jobPath(ref)}/retry` }, restJobSchema, { ...opts, noRetry: true }),

    createBuild: (org, pipeline, input, opts) =>
      http.sendJson(
        {
          method: "POST",
          path: escapedPath`/organizations/${org}/pipelines/${pipeline}/builds`,
          body: {
            commit: input.commit,
            branch: input.branch,
            message: input.message,
            env: input.env,
            meta_data: input.metaData,
            author: input.author,
          },
        },
        restBuildSchema,
        { ...opts, noRetry: true },
      ),

    cancelBuild: (ref, opts) =>
      http.sendJson({ method: "PUT", path: `${buildPath(ref)}/cancel` }, restBuildSchema, { ...opts, noRetry: true }),

    rebuildBuild: (ref, opts) =>
      http.sendJson({ method: "PUT", path: `${buildPath(ref)}/rebuild` }, restBuildSchema, {
        ...opts,
        noRetry: true,
      }),

    unblockJob: (ref, fields, opts) =>
      http.sendJson({ method: "PUT", path: `${jobPath(ref)}/unblock`, body: { fields } }, restJobSchema, {
        ...opts,
        noRetry: true,
      }),

    listArtifacts: (ref, filters = {}, opts) =>
      all(
        {
          method: "GET",
          path:
            ref.job === undefined ? `${buildPath(ref)}/artifacts` : `${jobPath({ ...ref, job: ref.job })}/artifacts`,
          query: { ...filters },
        },
        restArtifactListSchema,
        opts,
      ),

    downloadArtifact,

    listAnnotations: (ref, scope, opts) =>
      all({ method: "GET", path: `${buildPath(ref)}/annotations`, query: { scope } }, restAnnotationListSchema, opts),

    listClusters: (org, opts) =>
      all({ method: "GET", path: escapedPath`/organizations/${org}/clusters` }, clusterListSchema, opts),

    listClusterQueues: (org, clusterId, opts) =>
      all(
        { method: "GET", path: escapedPath`/organizations/${org}/clusters/${clusterId}/queues` },
        clusterQueueListSchema,
        opts,
      ),

    getClusterQueue: (org, clusterId, queueId, opts) =>
      http.sendJson({ method: "GET", path: queuePath(org, clusterId, queueId) }, clusterQueueSchema, opts),

    pauseDispatch: (org, clusterId, queueId, note, opts) =>
      http.sendJson(
        {
          method: "POST",
          path: `${queuePath(org, clusterId, queueId)}/pause_dispatch`,
          body: { dispatch_paused_note: note },
        },
        clusterQueueSchema,
        { ...opts, noRetry: true },
      ),

    resumeDispatch: (org, clusterId, queueId, opts) =>
      http.sendJson(
        { method: "POST", path: `${queuePath(org, clusterId, queueId)}/resume_dispatch`, body: {} },
        clusterQueueSchema,
        { ...opts, noRetry: true },
      ),

    listAgents: (org, filters = {}, opts) =>
      all(
        { method: "GET", path: escapedPath`/organizations/${org}/agents`, query: { ...filters } },
        restAgentListSchema,
        opts,
      ),

    budget: () => ({ ...budget }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
