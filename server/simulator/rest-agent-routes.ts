import { HttpError, jsonResponse } from "./http-errors";
import { paginate } from "./rest-pagination";
import { agentJson } from "./rest-agent-json";
import type { RestRoute, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";

/** Buildkite's exact-match filters of the agents list, by query parameter. */
const FILTERS = ["name", "hostname", "version"] as const;

/** `GET /v2/organizations/{org}/agents`: connected (and lost) agents; disconnected ones are not listed. */
export function restAgentRoutes(runtime: SimRuntime): RestRoute[] {
  const list = (request: RouteRequest): Response => {
    const { state } = runtime;
    if (request.params.org !== state.org.slug) throw new HttpError(404, "No organization found");
    const agents = [...state.agents.values()].filter(
      (agent) =>
        agent.connection !== "disconnected" &&
        FILTERS.every((name) => {
          const wanted = request.url.searchParams.get(name);
          return wanted === null || wanted === "" || agent[name] === wanted;
        }),
    );
    const base = `${request.url.origin}/v2`;
    const page = paginate(
      request.url,
      agents.map((agent) => agentJson(base, state, agent)),
    );
    return jsonResponse(page.items, 200, page.headers);
  };
  return [
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/agents",
      requiredScope: "read_agents",
      handle: list,
    },
  ];
}
