import { agentQueue, type SimAgent } from "./agents";
import { API_USER } from "./tokens";
import { graphqlId, jobJson } from "./rest-build-json";
import type { SimState } from "./state";

// The REST agents list's shape, as https://buildkite.com/docs/apis/rest-api/agents documents it. Written
// here, not shared with the console's client, so a wrong field name cannot hide in both.

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function agentJson(base: string, state: SimState, agent: SimAgent): Record<string, unknown> {
  const job = state.agentJob(agent);
  const last = agent.jobUuid === null ? undefined : state.jobs.get(agent.jobUuid);
  const queue = state.queue(agentQueue(agent, state.cluster.defaultQueueKey));
  const where = queue === undefined ? "" : `/clusters/${state.cluster.id}/queues/${queue.id}`;
  return {
    id: agent.uuid,
    graphql_id: graphqlId("Agent", agent.uuid),
    url: `${base}/organizations/${state.org.slug}/agents/${agent.uuid}`,
    web_url: `https://buildkite.com/organizations/${state.org.slug}${where}/agents/${agent.uuid}`,
    name: agent.name,
    connection_state: agent.connection,
    hostname: agent.hostname,
    ip_address: agent.ipAddress,
    user_agent: `buildkite-agent/${agent.version} (linux; amd64)`,
    version: agent.version,
    creator: { id: graphqlId("User", API_USER.email), name: API_USER.name, email: API_USER.email },
    created_at: iso(agent.createdAt),
    job: job === null ? null : jobJson(base, state, job),
    last_job_finished_at: job === null ? iso(last?.finishedAt ?? null) : null,
    priority: null,
    meta_data: agent.tags,
    paused: false,
  };
}
