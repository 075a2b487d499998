import "server-only";
import type { RestAgent } from "../buildkite/rest";
import { BuildkiteError } from "../buildkite/errors";
import { needingScope } from "../builds/scope-refusal";
import type { Runtime } from "../runtime";
import type { TriageAgent } from "./input";

export type TriageAgents = { agents: TriageAgent[]; unavailable: null } | { agents: null; unavailable: string };

/** Only agents that are connected can take work; the rest still count as the closest match for a job. */
export function toTriageAgent(agent: RestAgent): TriageAgent {
  return {
    id: agent.id,
    name: agent.name,
    connected: agent.connectionState === "connected",
    busy: agent.busy,
    tags: agent.metaData,
  };
}

/**
 * The organization's agents from the same cached whole-list read agents.list uses, so triage adds no upstream
 * call per viewer. Without a REST token or the read_agents scope (or when Buildkite fails), the findings that
 * need no agents still stand: the reason comes back instead of an error.
 */
export async function triageAgents(runtime: Pick<Runtime, "rest">): Promise<TriageAgents> {
  if (runtime.rest === null)
    return {
      agents: null,
      unavailable:
        "Agent findings are unavailable: no REST API token and organization are configured (BUILDKITE_API_TOKEN, BUILDKITE_ORG).",
    };
  const { client, org, reads } = runtime.rest;
  try {
    const result = await reads.read(reads.agentsKey(org), () =>
      needingScope("read_agents", () => client.listAgents(org)),
    );
    return { agents: result.data.map(toTriageAgent), unavailable: null };
  } catch (error) {
    if (!(error instanceof BuildkiteError)) throw error;
    const why =
      error.status === 403
        ? `the REST API token cannot read agents (it needs read_agents): ${error.message}`
        : `could not read agents from the REST API: ${error.message}`;
    return { agents: null, unavailable: `Agent findings are unavailable: ${why}` };
  }
}
