import { z } from "zod";
import { commandEnvelope, rawEnvelope } from "./envelope";
import { buildRequestSchema, countSummarySchema } from "./common";

export const DEFAULT_ARTIFACT_DIR = "./.bk-artifacts";

const buildOrJobRequest = buildRequestSchema.extend({ jobId: z.string().nullable() });

export const contractArtifactSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  path: z.string(),
  downloadUrl: z.string(),
  fileSize: z.number().int(),
  // Buildkite knows an artifact's sha1 only once its upload has finished.
  sha1sum: z.string().nullable(),
});
export type ContractArtifact = z.infer<typeof contractArtifactSchema>;

export const artifactsListParts = {
  request: buildOrJobRequest,
  summary: countSummarySchema.extend({ totalBytes: z.number().int() }),
  data: z.array(contractArtifactSchema),
  pagination: z.null(),
};
export const artifactsListEnvelope = commandEnvelope("artifacts.list", artifactsListParts);
export const artifactsListRawEnvelope = rawEnvelope("artifacts.list", artifactsListParts.request);

/** One artifact that was not saved, and why (not downloaded, a path outside the output directory, a bad sha1). */
export const downloadFailureSchema = z.object({
  artifactId: z.string(),
  path: z.string(),
  reason: z.string(),
});
export type DownloadFailure = z.infer<typeof downloadFailureSchema>;

export const artifactsDownloadParts = {
  request: buildOrJobRequest.extend({
    artifactIds: z.array(z.string()),
    glob: z.string().nullable(),
    outputDir: z.string(),
  }),
  summary: z.object({ downloaded: z.number().int(), failed: z.number().int(), totalBytes: z.number().int() }),
  data: z.object({
    files: z.array(
      z.object({ artifactId: z.string(), path: z.string(), bytes: z.number().int(), sha1sum: z.string() }),
    ),
    failures: z.array(downloadFailureSchema),
  }),
  pagination: z.null(),
};
export const artifactsDownloadEnvelope = commandEnvelope("artifacts.download", artifactsDownloadParts);
