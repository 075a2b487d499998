// GET /api/v1/stacks/{key}/queue – a queue's dispatch state, scheduled count and oldest wait
import { command } from "@/server/route-kit/route";
import { queueGet } from "@/server/commands/queue-get";

export const GET = command(queueGet);
