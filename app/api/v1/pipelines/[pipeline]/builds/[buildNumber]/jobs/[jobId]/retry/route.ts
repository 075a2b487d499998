// POST /api/v1/pipelines/{p}/builds/{buildNumber}/jobs/{jobId}/retry – retry a failed job
import { command } from "@/server/route-kit/route";
import { jobsRetry } from "@/server/commands/jobs-retry";

export const POST = command(jobsRetry);
