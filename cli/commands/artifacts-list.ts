import { z } from "zod";
import type { ContractArtifact } from "@/lib/contract/artifacts";
import { escapedPath } from "@/server/buildkite/path";
import type { RestArtifact } from "@/server/buildkite/rest";
import { defineCommand } from "../command";
import { buildFields, buildOptions, buildRef, buildRequest, fields, type BuildInput } from "../options";

export const artifactSelectionOptions = [
  ...buildOptions,
  { flags: "--job-id <uuid>", description: "only this job's artifacts" },
];

export const artifactListFields = { ...buildFields, jobId: fields.optionalJobId };

export const artifactListRequest = (input: BuildInput & { jobId?: string }) => ({
  ...buildRequest(input),
  jobId: input.jobId ?? null,
});

/** Buildkite's download endpoint for the artifact, when its record leaves the URL out. */
function downloadUrl(restBase: string, input: BuildInput, artifact: RestArtifact): string {
  if (artifact.downloadUrl !== null) return artifact.downloadUrl;
  const path = escapedPath`/organizations/${input.org}/pipelines/${input.pipeline}/builds/${String(input.buildNumber)}/jobs/${artifact.jobId}/artifacts/${artifact.id}/download`;
  return `${restBase.replace(/\/+$/, "")}${path}`;
}

export function toContractArtifact(restBase: string, input: BuildInput, artifact: RestArtifact): ContractArtifact {
  return {
    id: artifact.id,
    jobId: artifact.jobId,
    path: artifact.path,
    downloadUrl: downloadUrl(restBase, input, artifact),
    fileSize: artifact.fileSize,
    sha1sum: artifact.sha1sum,
  };
}

export const artifactsList = defineCommand({
  name: "artifacts.list",
  description: "list a build's artifacts, or one job's with --job-id",
  options: artifactSelectionOptions,
  raw: true,
  input: z.object(artifactListFields),
  request: artifactListRequest,
  async run(input, context) {
    const result = await (await context.rest()).listArtifacts({ ...buildRef(input), job: input.jobId });
    const artifacts = result.data.map((artifact) => ({
      ...toContractArtifact(context.restBase, input, artifact),
      state: artifact.state,
      mimeType: artifact.mimeType,
    }));
    return {
      summary: {
        count: artifacts.length,
        totalBytes: artifacts.reduce((total, artifact) => total + artifact.fileSize, 0),
      },
      data: context.raw ? result.raw : artifacts,
    };
  },
});
