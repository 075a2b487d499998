// GET /api/v1/stacks/{key}/queue/history – a queue's samples over 1h, 24h or 7d, for its charts
import { command } from "@/server/route-kit/route";
import { queueHistory } from "@/server/commands/queue-history";

export const GET = command(queueHistory);
