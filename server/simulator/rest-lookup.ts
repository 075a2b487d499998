import { HttpError } from "./http-errors";
import type { Build, Job } from "./model";
import type { RouteRequest } from "./routes";
import type { SimState } from "./state";

/** `…/organizations/{org}/pipelines/{pipeline}/builds/{number}`: 404s worded as Buildkite words them. */
export function requireBuild(state: SimState, request: RouteRequest): Build {
  if (request.params.org !== state.org.slug) throw new HttpError(404, "No organization found");
  const slug = request.params.pipeline ?? "";
  if (!state.pipelines.has(slug)) throw new HttpError(404, "No pipeline found");
  const text = request.params.number ?? "";
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  for (const build of state.builds.values()) {
    if (build.pipelineSlug === slug && build.number === number) return build;
  }
  throw new HttpError(404, "No build found");
}

export function requireBuildJob(state: SimState, request: RouteRequest): { build: Build; job: Job } {
  const build = requireBuild(state, request);
  const id = request.params.job ?? "";
  const job = build.jobIds.includes(id) ? state.jobs.get(id) : undefined;
  if (job === undefined) throw new HttpError(404, "No job found");
  return { build, job };
}

/** `/organizations/{org}/jobs/{job}/…`: the same job looked up by id alone. */
export function requireOrgJob(state: SimState, request: RouteRequest): { build: Build; job: Job } {
  if (request.params.org !== state.org.slug) throw new HttpError(404, "No organization found");
  const job = state.jobs.get(request.params.job ?? "");
  const build = job === undefined ? undefined : state.builds.get(job.buildUuid);
  if (job === undefined || build === undefined) throw new HttpError(404, "No job found");
  return { build, job };
}
