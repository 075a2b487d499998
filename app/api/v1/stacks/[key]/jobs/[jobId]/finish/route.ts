// POST /api/v1/stacks/{key}/jobs/{jobId}/finish – finish a job with a reason
import { command } from "@/server/route-kit/route";
import { jobsFinish } from "@/server/commands/jobs-finish";

export const POST = command(jobsFinish);
