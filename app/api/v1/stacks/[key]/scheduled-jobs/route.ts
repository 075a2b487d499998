// GET /api/v1/stacks/{key}/scheduled-jobs – one page of a queue's scheduled jobs, oldest first
import { command } from "@/server/route-kit/route";
import { jobsScheduledList } from "@/server/commands/jobs-scheduled-list";

export const GET = command(jobsScheduledList);
