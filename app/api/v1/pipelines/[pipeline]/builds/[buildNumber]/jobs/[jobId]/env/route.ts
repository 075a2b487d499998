// GET /api/v1/pipelines/{p}/builds/{n}/jobs/{id}/env – a job's environment, secrets hidden
import { command } from "@/server/route-kit/route";
import { jobsEnvGet } from "@/server/commands/jobs-env-get";

export const GET = command(jobsEnvGet);
