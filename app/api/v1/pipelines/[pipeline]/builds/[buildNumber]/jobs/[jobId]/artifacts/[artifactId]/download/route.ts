// GET /api/v1/pipelines/{p}/builds/{buildNumber}/jobs/{jobId}/artifacts/{artifactId}/download – stream an artifact
import { command } from "@/server/route-kit/route";
import { artifactsDownload } from "@/server/commands/artifacts-download";

export const GET = command(artifactsDownload);
