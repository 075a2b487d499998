// GET /api/v1/pipelines/{p}/builds/{buildNumber}/jobs/{jobId}/log/download – the raw log, streamed
import { command } from "@/server/route-kit/route";
import { jobsLogDownload } from "@/server/commands/jobs-log-download";

export const GET = command(jobsLogDownload);
