import "server-only";
import { artifactSchema } from "@/lib/schemas/builds";
import { z } from "zod";
import { jobIdInput } from "@/lib/inputs/stacks";
import type { Artifact } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { apiPaths } from "@/lib/api/paths";
import { buildInput, buildRef, echoOrg } from "../builds/build-inputs";

export const artifactStates = ["new", "error", "finished", "deleted", "expired"] as const;

const artifactsListInput = z.object({
  jobId: jobIdInput.optional(),
  state: z.enum(artifactStates, `must be one of ${artifactStates.join(", ")}`).optional(),
  path: z.string().min(1).max(1024).optional(),
});

export const artifactsList = defineCommand({
  name: "artifacts.list",
  permission: "read",
  // The contract echoes `jobId: null` for a whole build's artifacts.
  echoDefaults: (runtime) => ({ ...echoOrg(runtime), jobId: null }),
  output: z.array(artifactSchema),
  params: buildInput,
  query: artifactsListInput,
  async run({ params, query }, { runtime }) {
    const { client, reads, ref, cacheKey } = buildRef(runtime, params);
    const filters = { state: query.state, path: query.path };
    const result = await reads.read(cacheKey("artifacts", query.jobId, filters), () =>
      client.listArtifacts({ ...ref, job: query.jobId }, filters),
    );
    const artifacts: Artifact[] = result.data.map((artifact) => ({
      id: artifact.id,
      jobId: artifact.jobId,
      path: artifact.path,
      dirname: artifact.dirname,
      filename: artifact.filename,
      mimeType: artifact.mimeType,
      fileSize: artifact.fileSize,
      sha1sum: artifact.sha1sum,
      state: artifact.state,
      downloadUrl: apiPaths.artifactDownload(
        { pipeline: params.pipeline, number: params.buildNumber, jobId: artifact.jobId },
        artifact.id,
      ),
    }));
    return {
      data: artifacts,
      raw: result.raw,
      summary: {
        count: artifacts.length,
        totalBytes: artifacts.reduce((total, artifact) => total + artifact.fileSize, 0),
      },
    };
  },
});
