// GET /api/v1/pipelines/{p}/builds/{buildNumber}/jobs/{jobId}/log/chunk – raw log lines for the viewer, numbered
import { command } from "@/server/route-kit/route";
import { jobsLogChunk } from "@/server/commands/jobs-log-chunk";

export const GET = command(jobsLogChunk);
