// GET /api/v1/stacks/{key}/jobs/{jobId} – a job's env and command
import { command } from "@/server/route-kit/route";
import { jobsGet } from "@/server/commands/jobs-get";

export const GET = command(jobsGet);
