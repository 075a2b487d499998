// POST /api/v1/pipelines/{p}/builds/{n}/jobs/{id}/unblock – unblock a block step with its fields
import { command } from "@/server/route-kit/route";
import { jobsUnblock } from "@/server/commands/jobs-unblock";

export const POST = command(jobsUnblock);
