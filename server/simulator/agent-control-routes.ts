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
 * `/__sim/agents`: connect an agent (`{name, tags}` → `{id}`, sends agent.connected), drop one
 * (`DELETE /__sim/agents/{id}` with `{state: "lost" | "disconnected"}`, sends agent.lost or agent.disconnected),
 * or have an idle one take the oldest scheduled job it satisfies (`POST /__sim/agents/{id}/pickup` → `{jobId}`),
 * as it would on the next activity beat, so tests can make an agent busy without the activity's dice.
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
  const pickup = (request: RouteRequest): Response => {
    const id = request.params.id ?? "";
    const agent = runtime.state.agents.get(id);
    if (agent === undefined || agent.connection !== "connected") throw new HttpError(404, `Agent ${id} not connected`);
    if (runtime.state.agentJob(agent) !== null) throw new HttpError(409, `Agent ${agent.name} is busy`);
    runtime.state.expireReservations(runtime.now());
    const job = runtime.state.oldestJobFor(agent);
    if (job === undefined) throw new HttpError(409, `No scheduled job matches agent ${agent.name}`);
    runtime.state.assignTo(job, agent, runtime.now());
    return jsonResponse({ id, jobId: job.uuid });
  };
  return [
    { method: "POST", pattern: "/__sim/agents", handle: connect },
    { method: "POST", pattern: "/__sim/agents/:id/pickup", handle: pickup },
    { method: "DELETE", pattern: "/__sim/agents/:id", handle: drop },
  ];
}
