// POST /api/v1/stacks/{key}/queue/pause – pause dispatch of the watched queue, with a note
import { command } from "@/server/route-kit/route";
import { queuePause } from "@/server/commands/queue-pause";

export const POST = command(queuePause);
