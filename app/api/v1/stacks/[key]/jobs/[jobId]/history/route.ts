// GET /api/v1/stacks/{key}/jobs/{jobId}/history – what the console's operators did to a job
import { command } from "@/server/route-kit/route";
import { jobsHistory } from "@/server/commands/jobs-history";

export const GET = command(jobsHistory);
