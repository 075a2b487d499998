// POST /api/v1/stacks/{key}/job-states – the current states of jobs
import { command } from "@/server/route-kit/route";
import { jobsStates } from "@/server/commands/jobs-states";

export const POST = command(jobsStates);
