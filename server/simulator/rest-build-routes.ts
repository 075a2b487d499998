import { z } from "zod";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import { notYetRun } from "./job-factory";
import type { Build, Job } from "./model";
import { createRandom, deriveSeed } from "./random";
import { createBuildRoute } from "./rest-build-create";
import { buildJson, jobJson, pipelineJson, restJobState, utcDate } from "./rest-build-json";
import { requireBuild, requireBuildJob, requireOrgJob } from "./rest-lookup";
import { paginate } from "./rest-pagination";
import type { RestRoute, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";
import { newBuild } from "./schedule-jobs";
import type { RestIdentity } from "./tokens";

/**
 * Buildkite refuses to page deep into build lists (it asks for date filters instead). We draw the line at
 * an offset of 10 000 builds (page 101 at the largest per_page of 100), comfortably past anything a
 * console pages through.
 */
const MAX_BUILD_OFFSET = 10_000;
const DEFAULT_PER_PAGE = 30;

/** `finished` is shorthand for every state a build ends in. */
const TOKEN_DESCRIPTIONS: Record<RestIdentity["token"], string> = {
  full: "Stack Console",
  "read-only": "Stack Console (read only)",
  "agents-only": "Stack Console (agents)",
};
const FINISHED_STATES = ["passed", "failed", "blocked", "canceled"];
const RETRYABLE_STATES = new Set(["failed", "timed_out", "canceled"]);

const CANCELABLE_STATES = new Set(["scheduled", "running", "failing"]);
const unblockBody = z.object({ fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional() });

const truthy = (url: URL, name: string) => url.searchParams.get(name) === "true";

function many(url: URL, name: string): string[] {
  return [...url.searchParams.getAll(name), ...url.searchParams.getAll(`${name}[]`)].filter((value) => value !== "");
}

function dateParam(url: URL, name: string): number | null {
  const text = url.searchParams.get(name);
  if (text === null || text === "") return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new HttpError(422, `${name} must be an ISO 8601 date`);
  return ms;
}

/** `*` in a branch filter matches any run of characters (`*dev*`, `release/*`). */
function branchMatcher(pattern: string): (branch: string | null) => boolean {
  if (!pattern.includes("*")) return (branch) => branch === pattern;
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return (branch) => branch !== null && regex.test(branch);
}

function buildFilter(url: URL): (build: Build) => boolean {
  const branches = many(url, "branch").map(branchMatcher);
  const states = many(url, "state").flatMap((state) => (state === "finished" ? FINISHED_STATES : [state]));
  const commit = url.searchParams.get("commit");
  const creator = url.searchParams.get("creator");
  const createdFrom = dateParam(url, "created_from");
  const createdTo = dateParam(url, "created_to");
  const finishedFrom = dateParam(url, "finished_from");
  const metaData: [string, string][] = [];
  for (const [key, value] of url.searchParams) {
    const match = /^meta_data\[(.+)\]$/.exec(key);
    if (match?.[1] !== undefined) metaData.push([match[1], value]);
  }
  return (build) =>
    (branches.length === 0 || branches.some((matches) => matches(build.branch))) &&
    (states.length === 0 || states.includes(build.state) || (build.blocked && states.includes("blocked"))) &&
    (commit === null || commit === "" || build.commit === commit) &&
    (creator === null || creator === "" || [build.author.email, build.author.name].includes(creator)) &&
    (createdFrom === null || build.createdAt >= createdFrom) &&
    (createdTo === null || build.createdAt < createdTo) &&
    (finishedFrom === null || (build.finishedAt !== null && build.finishedAt >= finishedFrom)) &&
    metaData.every(([key, value]) => build.metaData[key] === value);
}

/** The REST API's builds, pipelines, job env and retry, and the token's own description. */
export function restBuildRoutes(runtime: SimRuntime): RestRoute[] {
  const base = (request: RouteRequest) => `${request.url.origin}/v2`;

  const requireOrg = (request: RouteRequest) => {
    if (request.params.org !== undefined && request.params.org !== runtime.state.org.slug)
      throw new HttpError(404, "No organization found");
  };

  const accessToken = (_request: RouteRequest, identity: RestIdentity): Response => {
    const random = createRandom(deriveSeed(runtime.options.seed, `access-token-${identity.token}`));
    const createdAt = Date.UTC(2026, 10, 20, 9, 14, 3);
    return jsonResponse({
      uuid: random.uuid(),
      scopes: identity.scopes,
      description: TOKEN_DESCRIPTIONS[identity.token],
      created_at: utcDate(createdAt),
      expires_at: identity.token === "full" ? null : utcDate(createdAt + 365 * 86_400_000),
      user: { name: identity.user.name, email: identity.user.email },
    });
  };

  const listBuilds = (request: RouteRequest): Response => {
    requireOrg(request);
    const { state } = runtime;
    const { url } = request;
    const pipeline = request.params.pipeline;
    if (pipeline !== undefined && !state.pipelines.has(pipeline)) throw new HttpError(404, "No pipeline found");
    const page = Number(url.searchParams.get("page") ?? "1");
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? String(DEFAULT_PER_PAGE)), 100);
    if (Number.isInteger(page) && Number.isInteger(perPage) && (page - 1) * perPage >= MAX_BUILD_OFFSET) {
      throw new HttpError(
        400,
        "Listing builds this deep is not supported. Use the created_from and created_to filters to narrow the results instead.",
      );
    }
    const matches = buildFilter(url);
    const builds = [...state.builds.values()]
      .filter((build) => (pipeline === undefined || build.pipelineSlug === pipeline) && matches(build))
      .sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
    const paged = paginate(url, builds);
    const options = {
      jobs: !truthy(url, "exclude_jobs"),
      pipeline: !truthy(url, "exclude_pipeline"),
      retriedJobs: truthy(url, "include_retried_jobs"),
      stateCounts: false,
    };
    return jsonResponse(
      paged.items.map((build) => buildJson(base(request), state, build, options)),
      200,
      paged.headers,
    );
  };

  const getBuild = (request: RouteRequest): Response => {
    const build = requireBuild(runtime.state, request);
    const options = {
      jobs: true,
      pipeline: true,
      retriedJobs: truthy(request.url, "include_retried_jobs"),
      stateCounts: true,
    };
    return jsonResponse(buildJson(base(request), runtime.state, build, options));
  };

  const listPipelines = (request: RouteRequest): Response => {
    requireOrg(request);
    const name = request.url.searchParams.get("name")?.toLowerCase() ?? "";
    const repository = request.url.searchParams.get("repository") ?? "";
    const pipelines = [...runtime.state.pipelines.values()]
      .filter(
        (pipeline) =>
          pipeline.name.toLowerCase().includes(name) && (repository === "" || pipeline.repository === repository),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    const paged = paginate(request.url, pipelines);
    return jsonResponse(
      paged.items.map((pipeline) => pipelineJson(base(request), runtime.state, pipeline)),
      200,
      paged.headers,
    );
  };

  const getPipeline = (request: RouteRequest): Response => {
    requireOrg(request);
    const pipeline = runtime.state.pipelines.get(request.params.pipeline ?? "");
    if (pipeline === undefined) throw new HttpError(404, "No pipeline found");
    return jsonResponse(pipelineJson(base(request), runtime.state, pipeline));
  };

  const env = (job: Job): Response => {
    if (job.type !== "script") throw new HttpError(404, "No environment found: only command jobs have one");
    return jsonResponse({ env: job.env });
  };

  /** A retry is a new job (scheduled, same build, same queue) that the Stacks API lists like any other. */
  const retry = (request: RouteRequest, build: Build, old: Job): Response => {
    if (build.state === "canceled" || build.state === "canceling")
      throw new HttpError(422, "Jobs of a canceled build can't be retried");
    if (old.retried)
      throw new HttpError(
        400,
        `This job has already been retried; retry its latest attempt (${old.retriedInJobId ?? ""}) instead`,
      );
    if (old.type !== "script" || !RETRYABLE_STATES.has(restJobState(old)))
      throw new HttpError(400, "Only failed, timed out or canceled jobs can be retried");
    const { state } = runtime;
    const now = runtime.now();
    const uuid = runtime.random.uuid();
    const fresh: Job = {
      ...old,
      uuid,
      seq: state.nextSeq(),
      env: { ...old.env, BUILDKITE_JOB_ID: uuid, BUILDKITE_RETRY_COUNT: String(old.retriesCount + 1) },
      agentQueryRules: [...old.agentQueryRules],
      state: "scheduled",
      createdAt: now,
      scheduledAt: now,
      runnableAt: now,
      ...notYetRun(),
      retriesCount: old.retriesCount + 1,
      retrySource: { jobId: old.uuid, retryType: "manual" },
    };
    state.retry(old, fresh);
    return jsonResponse(jobJson(base(request), state, fresh));
  };

  /** Block steps only; their fields become build meta-data, as Buildkite stores them. */
  const unblock = (request: RouteRequest, identity: RestIdentity): Response => {
    const { build, job } = buildJob(request);
    const body = parseBody(request.body, unblockBody);
    if (job.type !== "manual") throw new HttpError(400, "Only block steps can be unblocked");
    if (job.state !== "blocked") throw new HttpError(400, "This block step isn't blocked");
    for (const [key, value] of Object.entries(body.fields ?? {}))
      build.metaData[key] = Array.isArray(value) ? value.join("\n") : value;
    runtime.state.unblock(job, identity.user, runtime.now());
    return jsonResponse(jobJson(base(request), runtime.state, job));
  };

  const cancel = (request: RouteRequest): Response => {
    const build = requireBuild(runtime.state, request);
    if (!CANCELABLE_STATES.has(build.state))
      throw new HttpError(
        422,
        `Build can't be canceled: it is ${build.state}, and only scheduled, running or failing builds can be`,
      );
    runtime.state.cancelBuild(build, runtime.now());
    return jsonResponse(
      buildJson(base(request), runtime.state, build, {
        jobs: true,
        pipeline: true,
        retriedJobs: false,
        stateCounts: false,
      }),
    );
  };

  /** A new build of the same commit with fresh jobs; its first stage is scheduled straight away. */
  const rebuild = (request: RouteRequest, identity: RestIdentity): Response => {
    const old = requireBuild(runtime.state, request);
    const { state } = runtime;
    const pipeline = state.pipelines.get(old.pipelineSlug);
    if (pipeline === undefined) throw new HttpError(404, "No pipeline found");
    const now = runtime.now();
    const build = newBuild(state, runtime.random, pipeline, now);
    Object.assign(build, {
      branch: old.branch,
      commit: old.commit,
      message: old.message,
      author: identity.user,
      source: "api",
      metaData: { ...old.metaData },
      rebuiltFromUuid: old.uuid,
    });
    for (const job of old.jobIds
      .map((id) => state.jobs.get(id))
      .filter((j): j is Job => j !== undefined && !j.retried)) {
      const uuid = runtime.random.uuid();
      const env: Record<string, string> =
        job.type === "script"
          ? {
              ...job.env,
              BUILDKITE_JOB_ID: uuid,
              BUILDKITE_BUILD_ID: build.uuid,
              BUILDKITE_BUILD_NUMBER: String(build.number),
              BUILDKITE_RETRY_COUNT: "0",
            }
          : {};
      if (job.type === "script")
        env.BUILDKITE_BUILD_URL = `https://buildkite.com/${state.org.slug}/${pipeline.slug}/builds/${build.number}`;
      state.addJob({
        ...job,
        uuid,
        seq: state.nextSeq(),
        env,
        agentQueryRules: [...job.agentQueryRules],
        state: "waiting",
        buildUuid: build.uuid,
        createdAt: now,
        scheduledAt: now,
        runnableAt: null,
        ...notYetRun(),
        retriesCount: 0,
        retrySource: null,
        triggeredBuildUuid: null,
        unblockedBy: null,
        unblockedAt: null,
      });
      build.jobIds.push(uuid);
    }
    state.refresh(build, now);
    return jsonResponse(
      buildJson(base(request), state, build, { jobs: true, pipeline: true, retriedJobs: false, stateCounts: false }),
    );
  };

  const buildJob = (request: RouteRequest) => requireBuildJob(runtime.state, request);
  const orgJob = (request: RouteRequest) => requireOrgJob(runtime.state, request);
  const BUILD = "/v2/organizations/:org/pipelines/:pipeline/builds/:number";

  return [
    { api: "rest", method: "GET", pattern: "/v2/access-token", requiredScope: null, handle: accessToken },
    { api: "rest", method: "GET", pattern: "/v2/builds", requiredScope: "read_builds", handle: listBuilds },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/builds",
      requiredScope: "read_builds",
      handle: listBuilds,
    },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/pipelines",
      requiredScope: "read_pipelines",
      handle: listPipelines,
    },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/pipelines/:pipeline",
      requiredScope: "read_pipelines",
      handle: getPipeline,
    },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/pipelines/:pipeline/builds",
      requiredScope: "read_builds",
      handle: listBuilds,
    },
    {
      api: "rest",
      method: "POST",
      pattern: "/v2/organizations/:org/pipelines/:pipeline/builds",
      requiredScope: "write_builds",
      handle: createBuildRoute(runtime),
    },
    { api: "rest", method: "GET", pattern: BUILD, requiredScope: "read_builds", handle: getBuild },
    {
      api: "rest",
      method: "GET",
      pattern: `${BUILD}/jobs/:job/env`,
      requiredScope: "read_job_env",
      handle: (request) => env(buildJob(request).job),
    },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/jobs/:job/env",
      requiredScope: "read_job_env",
      handle: (request) => env(orgJob(request).job),
    },
    {
      api: "rest",
      method: "PUT",
      pattern: `${BUILD}/jobs/:job/retry`,
      requiredScope: "write_builds",
      handle: (request) => {
        const { build, job } = buildJob(request);
        return retry(request, build, job);
      },
    },
    {
      api: "rest",
      method: "PUT",
      pattern: `${BUILD}/jobs/:job/unblock`,
      requiredScope: "write_builds",
      handle: unblock,
    },
    { api: "rest", method: "PUT", pattern: `${BUILD}/cancel`, requiredScope: "write_builds", handle: cancel },
    { api: "rest", method: "PUT", pattern: `${BUILD}/rebuild`, requiredScope: "write_builds", handle: rebuild },
    {
      api: "rest",
      method: "PUT",
      pattern: "/v2/organizations/:org/jobs/:job/retry",
      requiredScope: "write_builds",
      handle: (request) => {
        const { build, job } = orgJob(request);
        return retry(request, build, job);
      },
    },
  ];
}
