import { z } from "zod";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import type { Route, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";

const clusterBody = z.object({ defaultQueueKey: z.string().min(1) });

/**
 * `POST /__sim/cluster` `{defaultQueueKey}`: which queue the cluster names as its default (the REST cluster's
 * `default_queue_id`), as an administrator can change it. The Stacks API's `_default` alias keeps listing the
 * seeded default queue, so existing clients see the same jobs.
 */
export function clusterControlRoutes(runtime: SimRuntime): Route[] {
  const setDefault = (request: RouteRequest): Response => {
    const { defaultQueueKey } = parseBody(request.body, clusterBody);
    const queue = runtime.state.queues.get(defaultQueueKey);
    if (queue === undefined) throw new HttpError(404, `Queue ${defaultQueueKey} not found`);
    runtime.state.cluster.defaultQueueKey = queue.key;
    return jsonResponse({ id: runtime.state.cluster.id, defaultQueueKey: queue.key, defaultQueueId: queue.id });
  };
  return [{ method: "POST", pattern: "/__sim/cluster", handle: setDefault }];
}
