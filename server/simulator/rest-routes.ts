import { z } from "zod";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import type { Queue } from "./model";
import { paginate } from "./rest-pagination";
import { clusterJson, queueJson } from "./rest-json";
import type { RestRoute, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";

const pauseBody = z.object({ dispatch_paused_note: z.string().max(255).nullish() });

/** The REST API's cluster endpoints (`/v2/organizations/{org}/clusters/…`). */
export function restRoutes(runtime: SimRuntime): RestRoute[] {
  /** Links point back at this server, whatever host and port it was reached on. */
  const base = (request: RouteRequest) => `${request.url.origin}/v2`;

  const requireCluster = (request: RouteRequest) => {
    const { state } = runtime;
    if (request.params.org !== state.org.slug) throw new HttpError(404, "No organization found");
    if (request.params.cluster !== undefined && request.params.cluster !== state.cluster.id)
      throw new HttpError(404, "No cluster found");
    return state;
  };

  const requireQueue = (request: RouteRequest): Queue => {
    const state = requireCluster(request);
    const queue = [...state.queues.values()].find((candidate) => candidate.id === request.params.id);
    if (queue === undefined) throw new HttpError(404, "No queue found");
    return queue;
  };

  const listClusters = (request: RouteRequest): Response => {
    const state = requireCluster(request);
    const page = paginate(request.url, [clusterJson(base(request), state)]);
    return jsonResponse(page.items, 200, page.headers);
  };

  const listQueues = (request: RouteRequest): Response => {
    const state = requireCluster(request);
    const page = paginate(
      request.url,
      [...state.queues.values()].map((queue) => queueJson(base(request), state, queue)),
    );
    return jsonResponse(page.items, 200, page.headers);
  };

  const getQueue = (request: RouteRequest): Response =>
    jsonResponse(queueJson(base(request), runtime.state, requireQueue(request)));

  return [
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/clusters",
      requiredScope: "read_clusters",
      handle: listClusters,
    },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/clusters/:cluster/queues",
      requiredScope: "read_clusters",
      handle: listQueues,
    },
    {
      api: "rest",
      method: "GET",
      pattern: "/v2/organizations/:org/clusters/:cluster/queues/:id",
      requiredScope: "read_clusters",
      handle: getQueue,
    },
    {
      api: "rest",
      method: "POST",
      pattern: "/v2/organizations/:org/clusters/:cluster/queues/:id/pause_dispatch",
      requiredScope: "write_clusters",
      handle: (request, identity) => {
        const queue = requireQueue(request);
        const body = parseBody(request.body, pauseBody);
        if (queue.paused) throw new HttpError(422, "Cluster queue dispatch is already paused");
        queue.paused = true;
        queue.pausedBy = identity.user;
        queue.pausedAt = runtime.now();
        queue.pauseNote = body.dispatch_paused_note ?? null;
        return jsonResponse(queueJson(base(request), runtime.state, queue));
      },
    },
    {
      api: "rest",
      method: "POST",
      pattern: "/v2/organizations/:org/clusters/:cluster/queues/:id/resume_dispatch",
      requiredScope: "write_clusters",
      handle: (request) => {
        const queue = requireQueue(request);
        if (!queue.paused) throw new HttpError(422, "Cluster queue dispatch is not paused");
        queue.paused = false;
        queue.pausedBy = null;
        queue.pausedAt = null;
        queue.pauseNote = null;
        return jsonResponse(queueJson(base(request), runtime.state, queue));
      },
    },
  ];
}
