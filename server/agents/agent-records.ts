import "server-only";
import type { Agent, AgentState, AgentsList } from "@/lib/schemas/agents";
import type { RestAgent } from "../buildkite/rest";

/** Buildkite's connection state and job, as the one state the console shows. */
export function agentState(agent: RestAgent): AgentState {
  if (agent.connectionState === "connected") return agent.busy ? "busy" : "idle";
  // `lost` is an agent that stopped answering; every other state (stopping, stopped, never_connected…) has
  // no agent left to take work.
  return agent.connectionState === "lost" ? "lost" : "disconnected";
}

export function toAgent(agent: RestAgent): Agent {
  const job = agent.job;
  return {
    id: agent.id,
    name: agent.name,
    state: agentState(agent),
    connectionState: agent.connectionState,
    queue: agent.queue,
    tags: agent.metaData,
    hostname: agent.hostname,
    version: agent.version,
    job:
      job === null
        ? null
        : {
            id: job.id,
            state: job.state,
            name: job.name,
            build:
              job.pipelineSlug === null || job.buildNumber === null
                ? null
                : { pipeline: job.pipelineSlug, number: job.buildNumber },
          },
    lastJobFinishedAt: agent.lastJobFinishedAt,
  };
}

/** Each queue's agents by state, queues in name order. */
export function queueSummaries(agents: readonly Agent[]): AgentsList["queues"] {
  const byQueue = new Map<string, AgentsList["queues"][number]>();
  for (const agent of agents) {
    let entry = byQueue.get(agent.queue);
    if (entry === undefined) {
      entry = { queue: agent.queue, total: 0, states: { busy: 0, idle: 0, lost: 0, disconnected: 0 } };
      byQueue.set(agent.queue, entry);
    }
    entry.total++;
    entry.states[agent.state]++;
  }
  return [...byQueue.values()].sort((a, b) => a.queue.localeCompare(b.queue));
}
