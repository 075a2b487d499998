// POST /api/v1/stacks/{key}/bulk-finish – finish many jobs with one reason, streaming per-job progress as NDJSON
import { command } from "@/server/route-kit/route";
import { jobsFinishBulk } from "@/server/commands/jobs-finish-bulk";

export const POST = command(jobsFinishBulk);
