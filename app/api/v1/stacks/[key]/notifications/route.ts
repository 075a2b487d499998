// POST /api/v1/stacks/{key}/notifications – show notifications on jobs in Buildkite
import { command } from "@/server/route-kit/route";
import { jobsNotify } from "@/server/commands/jobs-notify";

export const POST = command(jobsNotify);
