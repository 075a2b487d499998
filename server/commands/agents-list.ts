import "server-only";
import { z } from "zod";
import { filterAgents } from "@/lib/agents/filter-agents";
import { agentStateFilters, agentsListSchema } from "@/lib/schemas/agents";
import { defineCommand } from "../route-kit/command";
import { queueSummaries, toAgent } from "../agents/agent-records";
import { echoOrg, restAccess } from "../builds/build-inputs";
import { needingScope } from "../builds/scope-refusal";

const agentsListInput = z.object({
  queue: z.string().min(1).max(255).optional(),
  state: z.enum(agentStateFilters, `must be one of ${agentStateFilters.join(", ")}`).optional(),
  q: z.string().max(255).optional(),
});

export const agentsList = defineCommand({
  name: "agents.list",
  permission: "read",
  echoDefaults: (runtime) => ({ ...echoOrg(runtime), queue: null, state: null, q: null }),
  output: agentsListSchema,
  query: agentsListInput,
  async run({ query }, { runtime }) {
    const { client, org, reads } = restAccess(runtime);
    // One whole-list read serves every viewer and every filter until it expires or an agent webhook drops it.
    const result = await reads.read(reads.agentsKey(org), () =>
      needingScope("read_agents", () => client.listAgents(org)),
    );
    const every = result.data.map(toAgent);
    const agents = filterAgents(every, query);
    return {
      data: { agents, queues: queueSummaries(every) },
      raw: result.raw,
      summary: { count: agents.length, total: every.length },
    };
  },
});
