// GET /api/v1/stacks/{key}/events – the queue's changes as server-sent events (or, as JSON, since a version)
import { command } from "@/server/route-kit/route";
import { queueEvents } from "@/server/commands/queue-events";

export const GET = command(queueEvents);
