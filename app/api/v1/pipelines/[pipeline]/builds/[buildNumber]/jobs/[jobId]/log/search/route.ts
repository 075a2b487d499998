// GET /api/v1/pipelines/{p}/builds/{buildNumber}/jobs/{jobId}/log/search – count matches over the whole log
import { command } from "@/server/route-kit/route";
import { jobsLogSearch } from "@/server/commands/jobs-log-search";

export const GET = command(jobsLogSearch);
