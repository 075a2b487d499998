import { z } from "zod";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import { createJob } from "./job-factory";
import { buildJson } from "./rest-build-json";
import type { RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";
import { newBuild, pipelineTemplate } from "./schedule-jobs";
import type { RestIdentity } from "./tokens";

// `POST /v2/organizations/{org}/pipelines/{pipeline}/builds`
// (https://buildkite.com/docs/apis/rest-api/builds#create-a-build): `commit` and `branch` are required,
// everything else optional; the answer is 201 with the new build.

const text = z.string().max(10_000);
const createBody = z.object({
  commit: text.optional(),
  branch: text.optional(),
  message: text.optional(),
  env: z.record(z.string(), z.string()).optional(),
  meta_data: z.record(z.string(), z.string()).optional(),
  author: z.object({ name: z.string(), email: z.string() }).optional(),
});

export function createBuildRoute(runtime: SimRuntime) {
  return (request: RouteRequest, identity: RestIdentity): Response => {
    const { state } = runtime;
    if (request.params.org !== state.org.slug) throw new HttpError(404, "No organization found");
    const pipeline = state.pipelines.get(request.params.pipeline ?? "");
    const template = pipelineTemplate(request.params.pipeline ?? "");
    if (pipeline === undefined || template === undefined) throw new HttpError(404, "No pipeline found");
    const body = parseBody(request.body, createBody);
    // Buildkite validates the whole record and lists every blank field, not just the first.
    const blank = [
      ...(body.commit?.trim() ? [] : ["Commit can't be blank"]),
      ...(body.branch?.trim() ? [] : ["Branch can't be blank"]),
    ];
    if (blank.length > 0) throw new HttpError(422, "Validation Failed", {}, blank);

    const now = runtime.now();
    const build = newBuild(state, runtime.random, pipeline, now);
    Object.assign(build, {
      commit: body.commit,
      branch: body.branch,
      message: body.message ?? "",
      author: body.author ?? identity.user,
      creator: identity.user,
      source: "api",
      metaData: { ...body.meta_data },
    });
    const queueKey = template.queues[0] ?? "_default";
    for (const step of template.steps) {
      const job = createJob(runtime.random, {
        org: state.org,
        pipeline,
        template,
        build,
        queueKey,
        seq: state.nextSeq(),
        state: "scheduled",
        scheduledAt: now,
        step,
      });
      // createJob backdates a job's creation like the seeded ones; a build made now is made now.
      Object.assign(job, { createdAt: now, env: { ...job.env, ...body.env } });
      state.addJob(job);
    }
    build.createdAt = now;
    const base = `${request.url.origin}/v2`;
    return jsonResponse(
      buildJson(base, state, build, { jobs: true, pipeline: true, retriedJobs: false, stateCounts: false }),
      201,
    );
  };
}
