import { z } from "zod";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import type { Route, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";

const endBody = z.object({ state: z.enum(["passed", "failed", "canceled"]) });

/**
 * `POST /__sim/builds/{uuid}/state` `{state}`: the build ends (sending build.finished) while its jobs stay as
 * they are, so scheduled ones stay listed: a build canceled or finished while a stack still holds its jobs.
 * A REST cancel cancels the jobs too; this is the lever for what a console meets when the two disagree.
 */
export function buildControlRoutes(runtime: SimRuntime): Route[] {
  const end = (request: RouteRequest): Response => {
    const id = request.params.id ?? "";
    const build = runtime.state.builds.get(id);
    if (build === undefined) throw new HttpError(404, `Build ${id} not found`);
    const { state } = parseBody(request.body, endBody);
    runtime.state.endBuildLeavingJobs(build, state, runtime.now());
    return jsonResponse({ id: build.uuid, pipeline: build.pipelineSlug, number: build.number, state: build.state });
  };
  return [{ method: "POST", pattern: "/__sim/builds/:id/state", handle: end }];
}
