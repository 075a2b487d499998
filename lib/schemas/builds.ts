import { z } from "zod";
import { buildkiteUserSchema } from "./buildkite-user";

// The shapes of the BFF's build, artifact and annotation data as the browser parses them (server/commands
// builds-*.ts, artifacts-list.ts, annotations-list.ts, jobs-retry.ts, jobs-unblock.ts, jobs-env-get.ts and
// pipelines-list.ts produce them).
// Dates are ISO strings; Buildkite's other date form is normalised on the server.

const date = z.string();

export const buildSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  state: z.string(),
  /** A blocked build keeps its previous state and says so here. */
  blocked: z.boolean(),
  branch: z.string().nullable(),
  commit: z.string(),
  message: z.string().nullable(),
  source: z.string().nullable(),
  creator: buildkiteUserSchema.nullable(),
  pipeline: z.object({ slug: z.string(), name: z.string().nullable() }),
  createdAt: date.nullable(),
  scheduledAt: date.nullable(),
  startedAt: date.nullable(),
  finishedAt: date.nullable(),
  webUrl: z.string().nullable(),
});
export type BuildSummary = z.infer<typeof buildSummarySchema>;

export const buildJobSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string().nullable(),
  stepKey: z.string().nullable(),
  /** Null for waiters, which Buildkite sends without a state. */
  state: z.string().nullable(),
  /** Text, as the contract writes it ("1"): Buildkite's number, or null until the job finishes. */
  exitStatus: z.string().nullable(),
  softFailed: z.boolean(),
  agentQueryRules: z.array(z.string()),
  agentName: z.string().nullable(),
  createdAt: date.nullable(),
  scheduledAt: date.nullable(),
  startedAt: date.nullable(),
  finishedAt: date.nullable(),
  webUrl: z.string().nullable(),
  /** A retried attempt: Buildkite keeps it, failed as it was, and names the attempt that replaced it. */
  retried: z.boolean(),
  retriedInJobId: z.string().nullable(),
  retriesCount: z.number().int().nullable(),
  /** On a retry: the attempt it retried, and whether a person or an automatic retry rule asked for it. */
  retrySource: z.object({ jobId: z.string(), retryType: z.string().nullable() }).nullable(),
  /** Only script (command) jobs have logs. */
  hasLog: z.boolean(),
});
export type BuildJob = z.infer<typeof buildJobSchema>;

export const buildDetailSchema = z.object({ build: buildSummarySchema, jobs: z.array(buildJobSchema) });
export type BuildDetail = z.infer<typeof buildDetailSchema>;

/** `builds.get` summary: counts by job state, and the failed jobs the page lists first. */
export const buildSummaryFactsSchema = z.object({
  jobCounts: z.record(z.string(), z.number().int()),
  failedJobIds: z.array(z.string()),
});

export const retryResultSchema = z.object({ job: buildJobSchema });

/** `jobs.unblock`: the block step as Buildkite answered, now unblocked. */
export const unblockResultSchema = z.object({ job: buildJobSchema });

/** `builds.cancel` (the build as it now stands) and `builds.rebuild` (the new build). */
export const buildResultSchema = z.object({ build: buildSummarySchema });

/** `jobs.env.get`: secret-named values are already replaced on the server. */
export const jobEnvResultSchema = z.object({ jobId: z.string(), env: z.record(z.string(), z.string()) });

export const pipelineSchema = z.object({
  slug: z.string(),
  name: z.string(),
  repository: z.string().nullable(),
  defaultBranch: z.string().nullable(),
  webUrl: z.string().nullable(),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const artifactSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  path: z.string(),
  dirname: z.string().nullable(),
  filename: z.string(),
  mimeType: z.string().nullable(),
  fileSize: z.number().int(),
  sha1sum: z.string().nullable(),
  state: z.string(),
  /** The console's own streaming download route for this artifact (never Buildkite's URL). */
  downloadUrl: z.string(),
});
export type Artifact = z.infer<typeof artifactSchema>;

export const annotationStyles = ["success", "info", "warning", "error"] as const;

export const annotationSchema = z.object({
  id: z.string(),
  context: z.string(),
  style: z.enum(annotationStyles).catch("info"),
  scope: z.string(),
  jobId: z.string().nullable(),
  priority: z.number().int(),
  /** Plain text of the body, for summaries and screen readers. */
  body: z.string(),
  /** Sanitised on the server: safe to render as HTML; `artifact://` links already point at downloads. */
  bodyHtml: z.string(),
  createdAt: date.nullable(),
  updatedAt: date.nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;
