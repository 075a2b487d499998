// GET /api/v1/stacks/{key}/queues – the queues the console watches: configured, or every queue of the cluster
import { command } from "@/server/route-kit/route";
import { queuesList } from "@/server/commands/queues-list";

export const GET = command(queuesList);
