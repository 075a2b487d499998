import { PIPELINES, type PipelineTemplate } from "./catalog";
import { createBuild, createJob } from "./job-factory";
import type { Build, Job, Pipeline } from "./model";
import type { Random } from "./random";
import type { SimState } from "./state";

export interface ScheduleRequest {
  count: number;
  queueKey: string;
  pipelineSlug?: string;
  scheduledAt: number;
}

export function pipelineTemplate(slug: string): PipelineTemplate | undefined {
  return PIPELINES.find((template) => template.slug === slug);
}

/** Picks a pipeline that really targets the queue, so agent query rules and labels stay plausible. */
export function choosePipeline(random: Random, queueKey: string): PipelineTemplate {
  const serving = PIPELINES.filter((template) => template.queues.includes(queueKey));
  return random.pick(serving.length > 0 ? serving : PIPELINES);
}

export function nextBuildNumber(state: SimState, pipelineSlug: string): number {
  let highest = 0;
  for (const build of state.builds.values()) {
    if (build.pipelineSlug === pipelineSlug && build.number > highest) highest = build.number;
  }
  return highest + 1;
}

export function newBuild(
  state: SimState,
  random: Random,
  pipeline: Pipeline,
  createdAt: number,
  forceNullBranch = false,
): Build {
  const build = createBuild(random, pipeline, nextBuildNumber(state, pipeline.slug), createdAt, forceNullBranch);
  state.addBuild(build);
  return build;
}

/** One new build whose jobs are all scheduled at the given time on one queue (callers resolved the queue). */
export function scheduleJobs(state: SimState, random: Random, request: ScheduleRequest): Job[] {
  const template =
    request.pipelineSlug === undefined
      ? choosePipeline(random, request.queueKey)
      : pipelineTemplate(request.pipelineSlug);
  const pipeline = template === undefined ? undefined : state.pipelines.get(template.slug);
  if (template === undefined || pipeline === undefined)
    throw new Error(`unknown pipeline ${request.pipelineSlug ?? ""}`);
  const build = newBuild(state, random, pipeline, request.scheduledAt);
  const jobs: Job[] = [];
  for (let i = 0; i < request.count; i++) {
    const job = createJob(random, {
      org: state.org,
      pipeline,
      template,
      build,
      queueKey: request.queueKey,
      seq: state.nextSeq(),
      state: "scheduled",
      scheduledAt: request.scheduledAt,
    });
    state.addJob(job);
    jobs.push(job);
  }
  return jobs;
}
