// GET /api/v1/jobs/{id}/env – a job's environment by its id alone, secrets hidden
import { command } from "@/server/route-kit/route";
import { jobsEnvLookup } from "@/server/commands/jobs-env-get";

export const GET = command(jobsEnvLookup);
