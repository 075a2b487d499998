// GET /api/v1/pipelines/{p}/builds/{buildNumber}/jobs/{jobId}/log – the log's tail as plain text (or raw)
import { command } from "@/server/route-kit/route";
import { jobsLogGet } from "@/server/commands/jobs-log-get";

export const GET = command(jobsLogGet);
