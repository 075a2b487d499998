import { z } from "zod";
import type { BuildDetail } from "./schemas/builds";
import type { ScheduledJob } from "./schemas/jobs";

// What the job drawer shows about a job besides its state: the scheduled list's row while the job is in
// it, the last row seen once it has left, or, for a job opened after it left, what Buildkite put in the
// job's environment. The REST build adds the job's page in Buildkite and when it started and ended.

export interface JobContext {
  pipeline: string | null;
  buildNumber: number | null;
  branch: string | null;
  stepKey: string | null;
  /** Null when not known (the job's environment does not carry them). */
  agentQueryRules: string[] | null;
  priority: number | null;
  scheduledAt: string | null;
  /** When the job stopped waiting (left the scheduled list, or started); null while it still waits. */
  waitEndedAt: string | null;
  finishedAt: string | null;
  /** The job's page in Buildkite. */
  webUrl: string | null;
  /** Where the facts come from: "list" while the job is scheduled, "last-seen" once it has left. */
  source: "list" | "last-seen" | "environment";
}

export function contextFromRow(job: ScheduledJob, leftAt: string | null): JobContext {
  return {
    pipeline: job.pipeline.slug,
    buildNumber: job.build.number,
    branch: job.build.branch,
    stepKey: job.step.key,
    agentQueryRules: job.agentQueryRules,
    priority: job.priority,
    scheduledAt: job.scheduledAt,
    waitEndedAt: leftAt,
    finishedAt: null,
    webUrl: null,
    source: leftAt === null ? "list" : "last-seen",
  };
}

const optional = z.string().min(1).optional().catch(undefined);
// Buildkite sets these in every job's environment (https://buildkite.com/docs/pipelines/configure/environment-variables).
const envContextSchema = z.object({
  BUILDKITE_PIPELINE_SLUG: optional,
  BUILDKITE_BUILD_NUMBER: z.string().regex(/^\d+$/).transform(Number).optional().catch(undefined),
  BUILDKITE_BRANCH: optional,
  BUILDKITE_STEP_KEY: optional,
  BUILDKITE_BUILD_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .catch(undefined),
});

export function contextFromEnv(jobId: string, env: Record<string, string>): JobContext {
  const parsed = envContextSchema.parse(env);
  return {
    pipeline: parsed.BUILDKITE_PIPELINE_SLUG ?? null,
    buildNumber: parsed.BUILDKITE_BUILD_NUMBER ?? null,
    branch: parsed.BUILDKITE_BRANCH ?? null,
    stepKey: parsed.BUILDKITE_STEP_KEY ?? null,
    agentQueryRules: null,
    priority: null,
    scheduledAt: null,
    waitEndedAt: null,
    finishedAt: null,
    webUrl: parsed.BUILDKITE_BUILD_URL ? `${parsed.BUILDKITE_BUILD_URL}#${jobId}` : null,
    source: "environment",
  };
}

/** Adds what the REST build says about the job: its page, and when it was scheduled, started and ended. */
export function withBuild(context: JobContext, jobId: string, detail: BuildDetail | undefined): JobContext {
  if (!detail) return context;
  const job = detail.jobs.find((candidate) => candidate.id === jobId);
  const buildPage = detail.build.webUrl ? `${detail.build.webUrl}#${jobId}` : null;
  return {
    ...context,
    branch: context.branch ?? detail.build.branch,
    stepKey: context.stepKey ?? job?.stepKey ?? null,
    agentQueryRules: context.agentQueryRules ?? (job ? job.agentQueryRules : null),
    scheduledAt: context.scheduledAt ?? job?.scheduledAt ?? null,
    waitEndedAt: job?.startedAt ?? context.waitEndedAt,
    finishedAt: job?.finishedAt ?? null,
    webUrl: job?.webUrl ?? buildPage ?? context.webUrl,
  };
}

/** The console's own page for the job's log (app/builds/[pipeline]/[number]/jobs/[jobId]). */
export function consoleLogPath(context: JobContext, jobId: string): string | null {
  if (context.pipeline === null || context.buildNumber === null) return null;
  return `/builds/${encodeURIComponent(context.pipeline)}/${context.buildNumber}/jobs/${encodeURIComponent(jobId)}`;
}
