import { z } from "zod";
import { createAgent } from "./agents";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import type { Route, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";

const agentBody = z.object({
  name: z.string().min(1).max(200),
  tags: z.array(z.string().min(1).max(500)).max(100).default([]),
});
const dropBody = z.object({ state: z.enum(["lost", "disconnected"]).default("disconnected") });

/**
 * `/__sim/agents`: connect an agent (`{name, tags}` → `{id}`, sends agent.connected), or drop one
 * (`DELETE /__sim/agents/{id}` with `{state: "lost" | "disconnected"}`, sends agent.lost or agent.disconnected).
 */
export function agentControlRoutes(runtime: SimRuntime): Route[] {
  const connect = (request: RouteRequest): Response => {
    const body = parseBody(request.body, agentBody);
    const agent = createAgent(runtime.random, { name: body.name, tags: body.tags }, runtime.now());
    runtime.state.connectAgent(agent);
    return jsonResponse({ id: agent.uuid, name: agent.name }, 201);
  };
  const drop = (request: RouteRequest): Response => {
    const id = request.params.id ?? "";
    const agent = runtime.state.agents.get(id);
    if (agent === undefined || agent.connection === "disconnected") throw new HttpError(404, `Agent ${id} not found`);
    const { state } = parseBody(request.body, dropBody);
    runtime.state.dropAgent(agent, state);
    return jsonResponse({ id, state });
  };
  return [
    { method: "POST", pattern: "/__sim/agents", handle: connect },
    { method: "DELETE", pattern: "/__sim/agents/:id", handle: drop },
  ];
}
