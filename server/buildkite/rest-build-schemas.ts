import { z } from "zod";

import type { BuildkiteUser } from "@/lib/schemas/buildkite-user";
import { restDate, restUserSchema } from "./rest-schemas";

// Builds, jobs, pipelines and the access token as the REST API sends them
// (https://buildkite.com/docs/apis/rest-api/builds, …/jobs), turned into camelCase records. Optional wire
// fields become null so callers never test for undefined.

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const optionalDate = restDate.nullish().transform((value) => value ?? null);
const optionalInt = z
  .number()
  .int()
  .nullish()
  .transform((value) => value ?? null);

export interface RestJob {
  id: string;
  type: string;
  /** `name` for most jobs, `label` on unblock responses; null for waiters. */
  name: string | null;
  stepKey: string | null;
  groupKey: string | null;
  /** Null for waiters: the REST API sends them as `{id, graphql_id, type}`, with no state of their own. */
  state: string | null;
  exitStatus: number | null;
  softFailed: boolean;
  agentQueryRules: string[];
  agentName: string | null;
  command: string | null;
  webUrl: string | null;
  logUrl: string | null;
  rawLogUrl: string | null;
  createdAt: string | null;
  scheduledAt: string | null;
  runnableAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  retried: boolean;
  retriedInJobId: string | null;
  retriesCount: number | null;
  retrySource: { jobId: string; retryType: string | null } | null;
  priority: number | null;
}

export const restJobSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    name: optionalString,
    label: optionalString,
    step_key: optionalString,
    group_key: optionalString,
    state: optionalString,
    exit_status: optionalInt,
    soft_failed: z.boolean().nullish(),
    agent_query_rules: z.array(z.string()).nullish(),
    agent: z.object({ name: optionalString }).nullish(),
    command: optionalString,
    web_url: optionalString,
    log_url: optionalString,
    raw_log_url: optionalString,
    created_at: optionalDate,
    scheduled_at: optionalDate,
    runnable_at: optionalDate,
    started_at: optionalDate,
    finished_at: optionalDate,
    retried: z.boolean().nullish(),
    retried_in_job_id: optionalString,
    retries_count: optionalInt,
    retry_source: z.object({ job_id: z.string(), retry_type: optionalString }).nullish(),
    priority: z.object({ number: z.number().int() }).nullish(),
  })
  .transform((wire): RestJob => ({
    id: wire.id,
    type: wire.type,
    name: wire.name ?? wire.label,
    stepKey: wire.step_key,
    groupKey: wire.group_key,
    state: wire.state,
    exitStatus: wire.exit_status,
    softFailed: wire.soft_failed === true,
    agentQueryRules: wire.agent_query_rules ?? [],
    agentName: wire.agent?.name ?? null,
    command: wire.command,
    webUrl: wire.web_url,
    logUrl: wire.log_url,
    rawLogUrl: wire.raw_log_url,
    createdAt: wire.created_at,
    scheduledAt: wire.scheduled_at,
    runnableAt: wire.runnable_at,
    startedAt: wire.started_at,
    finishedAt: wire.finished_at,
    retried: wire.retried === true,
    retriedInJobId: wire.retried_in_job_id,
    retriesCount: wire.retries_count,
    retrySource: wire.retry_source
      ? { jobId: wire.retry_source.job_id, retryType: wire.retry_source.retry_type }
      : null,
    priority: wire.priority?.number ?? null,
  }));

export interface RestBuild {
  id: string;
  number: number;
  state: string;
  blocked: boolean;
  message: string | null;
  commit: string;
  branch: string | null;
  source: string | null;
  creator: BuildkiteUser | null;
  webUrl: string | null;
  createdAt: string | null;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  pipeline: { slug: string; name: string | null } | null;
  /** Null when the list was asked to leave jobs out (`exclude_jobs`). */
  jobs: RestJob[] | null;
  jobStateCounts: Record<string, number> | null;
}

export const restBuildSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    state: z.string(),
    blocked: z.boolean().nullish(),
    message: optionalString,
    commit: z.string(),
    branch: optionalString,
    source: optionalString,
    creator: restUserSchema.nullish(),
    web_url: optionalString,
    created_at: optionalDate,
    scheduled_at: optionalDate,
    started_at: optionalDate,
    finished_at: optionalDate,
    pipeline: z.object({ slug: z.string(), name: optionalString }).nullish(),
    jobs: z.array(restJobSchema).nullish(),
    job_state_counts: z.object({ states: z.record(z.string(), z.number().int()) }).nullish(),
  })
  .transform((wire): RestBuild => ({
    id: wire.id,
    number: wire.number,
    state: wire.state,
    blocked: wire.blocked === true,
    message: wire.message,
    commit: wire.commit,
    branch: wire.branch,
    source: wire.source,
    creator: wire.creator ?? null,
    webUrl: wire.web_url,
    createdAt: wire.created_at,
    scheduledAt: wire.scheduled_at,
    startedAt: wire.started_at,
    finishedAt: wire.finished_at,
    pipeline: wire.pipeline ? { slug: wire.pipeline.slug, name: wire.pipeline.name } : null,
    jobs: wire.jobs ?? null,
    jobStateCounts: wire.job_state_counts?.states ?? null,
  }));

export const restBuildListSchema = z.array(restBuildSchema);

export interface RestPipeline {
  id: string;
  slug: string;
  name: string;
  repository: string | null;
  defaultBranch: string | null;
  webUrl: string | null;
  createdAt: string | null;
}

export const restPipelineListSchema = z.array(
  z
    .object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      repository: optionalString,
      default_branch: optionalString,
      web_url: optionalString,
      created_at: optionalDate,
    })
    .transform((wire): RestPipeline => ({
      id: wire.id,
      slug: wire.slug,
      name: wire.name,
      repository: wire.repository,
      defaultBranch: wire.default_branch,
      webUrl: wire.web_url,
      createdAt: wire.created_at,
    })),
);

export interface AccessToken {
  uuid: string;
  scopes: string[];
  description: string | null;
  createdAt: string | null;
  expiresAt: string | null;
  user: BuildkiteUser | null;
}

export const accessTokenSchema = z
  .object({
    uuid: z.string(),
    scopes: z.array(z.string()),
    description: optionalString,
    created_at: optionalDate,
    expires_at: optionalDate,
    user: restUserSchema.nullish(),
  })
  .transform((wire): AccessToken => ({
    uuid: wire.uuid,
    scopes: wire.scopes,
    description: wire.description,
    createdAt: wire.created_at,
    expiresAt: wire.expires_at,
    user: wire.user ?? null,
  }));

export const jobEnvSchema = z.object({ env: z.record(z.string(), z.string()) }).transform((wire) => wire.env);

export interface JobLogJson {
  url: string | null;
  content: string;
  size: number;
  headerTimes: number[];
}

export const jobLogJsonSchema = z
  .object({
    url: optionalString,
    content: z.string(),
    size: z.number().int(),
    header_times: z.array(z.number()).nullish(),
  })
  .transform((wire): JobLogJson => ({
    url: wire.url,
    content: wire.content,
    size: wire.size,
    headerTimes: wire.header_times ?? [],
  }));
