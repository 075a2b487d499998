// GET /api/v1/agents – the organization's agents by queue and state, filtered by queue, state and text
import { command } from "@/server/route-kit/route";
import { agentsList } from "@/server/commands/agents-list";

export const GET = command(agentsList);
