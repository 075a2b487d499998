import type { Agent, AgentStateFilter } from "@/lib/schemas/agents";

export interface AgentFilters {
  queue?: string;
  state?: AgentStateFilter;
  /** Matched, case-insensitively, against the name, hostname, tags and queue. */
  q?: string;
}

function stateMatches(agent: Agent, state: AgentStateFilter | undefined): boolean {
  if (state === undefined) return true;
  if (state === "connected") return agent.state === "busy" || agent.state === "idle";
  return agent.state === state;
}

/** The agents the operator asked for; the same narrowing on the server (agents.list) and in the page. */
export function filterAgents(agents: readonly Agent[], filters: AgentFilters): Agent[] {
  const needle = filters.q?.trim().toLowerCase() ?? "";
  return agents.filter(
    (agent) =>
      (filters.queue === undefined || filters.queue === "" || agent.queue === filters.queue) &&
      stateMatches(agent, filters.state) &&
      (needle === "" ||
        [agent.name, agent.hostname ?? "", agent.queue, ...agent.tags].some((text) =>
          text.toLowerCase().includes(needle),
        )),
  );
}
