// GET /api/v1/stacks/{key}/triage – why the queue's jobs wait: findings from the shared snapshot and agents
import { command } from "@/server/route-kit/route";
import { triageGet } from "@/server/commands/triage-get";

export const GET = command(triageGet);
