// POST /api/v1/stacks/{key}/queue/resume – resume dispatch of the watched queue
import { command } from "@/server/route-kit/route";
import { queueResume } from "@/server/commands/queue-resume";

export const POST = command(queueResume);
