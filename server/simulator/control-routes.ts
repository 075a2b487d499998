import { z } from "zod";
import { agentControlRoutes } from "./agent-control-routes";
import { buildControlRoutes } from "./build-control-routes";
import { DEFAULT_QUEUE_KEY } from "./catalog";
import { faultSpecSchema } from "./faults";
import { fixturesJson } from "./fixtures";
import { clusterControlRoutes } from "./cluster-control-routes";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import type { User } from "./model";
import type { Route, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";
import { pipelineTemplate, scheduleJobs } from "./schedule-jobs";
import { webhookControlRoutes } from "./webhook-control-routes";

const clockBody = z.object({ advanceMs: z.number().int().min(0) });
const queueBody = z.object({
  queueKey: z.string().min(1).default(DEFAULT_QUEUE_KEY),
  paused: z.boolean(),
  note: z.string().optional(),
  by: z.string().optional(),
});
const jobsBody = z.object({
  count: z.number().int().min(1).max(5000),
  queueKey: z.string().min(1).default(DEFAULT_QUEUE_KEY),
  pipeline: z.string().min(1).optional(),
  priority: z.number().int().optional(),
});
const activityBody = z.object({ on: z.boolean() });
const resetBody = z.object({ liveStream: z.string().max(100).optional() });

/** Someone from the organisation; their address follows from the name so the simulator stays deterministic. */
function userNamed(name: string): User {
  const local =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ".")
      .replace(/^\.+|\.+$/g, "") || "someone";
  return { name, email: `${local}@acme.example` };
}

/**
 * Test and benchmark levers under /__sim (loopback only); never counted in stats and never rate limited.
 *
 * | call | effect |
 * |---|---|
 * | `GET /__sim/stats` | requests by route pattern, jobs by state |
 * | `GET /__sim/fixtures` | ids of the showcase jobs, builds and artifacts |
 * | `POST /__sim/reset` `{liveStream?}` | back to the seeded world; webhook receivers stay, their deliveries go |
 * | `POST /__sim/clock` `{advanceMs}` | move simulated time forward |
 * | `POST /__sim/queue` `{queueKey?, paused, note?, by?}` | pause or resume dispatch |
 * | `POST /__sim/jobs` `{count, queueKey?, pipeline?, priority?}` | schedule new jobs in a new build; returns their ids and the build |
 * | `POST /__sim/builds/{uuid}/state` `{state}` | end a build as passed, failed or canceled, leaving its jobs as they are |
 * | `POST /__sim/cluster` `{defaultQueueKey}` | name another queue the cluster's default (REST `default_queue_id`) |
 * | `POST /__sim/faults` `{method?, path, status?, count?, delayMs?, retryAfter?, mode?}` | arm the next `count` matching requests to fail: `mode` "reset" or "malformed"; with `method: "WEBHOOK"`, `path` matches event names and `mode: "drop"` or `delayMs` act on deliveries |
 * | `GET /__sim/faults` · `DELETE /__sim/faults` | list · clear armed faults |
 * | `POST /__sim/activity` `{on}` | start or stop the background activity |
 * | `POST /__sim/webhooks` `{url, token, mode: "token" \| "signature", events}` | register a webhook receiver; returns `{id}` |
 * | `POST /__sim/agents` `{name, tags}` | connect an agent (agent.connected); returns `{id}` |
 * | `DELETE /__sim/agents/{id}` `{state?: "lost" \| "disconnected"}` | the agent is lost or signs off |
 * | `POST /__sim/agents/{id}/pickup` | the idle agent takes the oldest scheduled job it satisfies; returns `{jobId}` |
 * | `GET /__sim/webhooks` | receivers with their last 50 deliveries |
 * | `DELETE /__sim/webhooks` · `DELETE /__sim/webhooks/{id}` | remove every receiver · one |
 */
export function controlRoutes(runtime: SimRuntime): Route[] {
  const stats = (): Response => {
    runtime.state.expireReservations(runtime.now());
    return jsonResponse({ requests: runtime.stats.snapshot(), jobs: runtime.state.countByState() });
  };

  const reset = (request: RouteRequest): Response => {
    runtime.reset(parseBody(request.body, resetBody).liveStream);
    return jsonResponse({ ok: true });
  };

  const clock = (request: RouteRequest): Response => {
    const body = parseBody(request.body, clockBody);
    return jsonResponse({ now: new Date(runtime.clock.advance(body.advanceMs)).toISOString() });
  };

  const queue = (request: RouteRequest): Response => {
    const body = parseBody(request.body, queueBody);
    const target = runtime.state.queue(body.queueKey);
    if (target === undefined) throw new HttpError(404, `Queue ${body.queueKey} not found`);
    target.paused = body.paused;
    target.pauseNote = body.paused ? (body.note ?? null) : null;
    target.pausedBy = body.paused && body.by !== undefined ? userNamed(body.by) : null;
    target.pausedAt = body.paused ? runtime.now() : null;
    return jsonResponse({
      key: target.key,
      id: target.id,
      paused: target.paused,
      note: target.pauseNote,
      by: target.pausedBy?.name ?? null,
      at: target.pausedAt === null ? null : new Date(target.pausedAt).toISOString(),
    });
  };

  const jobs = (request: RouteRequest): Response => {
    const body = parseBody(request.body, jobsBody);
    const target = runtime.state.queue(body.queueKey);
    if (target === undefined) throw new HttpError(404, `Queue ${body.queueKey} not found`);
    if (body.pipeline !== undefined && pipelineTemplate(body.pipeline) === undefined)
      throw new HttpError(404, `Pipeline ${body.pipeline} not found`);
    const created = scheduleJobs(runtime.state, runtime.random, {
      count: body.count,
      queueKey: target.key,
      pipelineSlug: body.pipeline,
      scheduledAt: runtime.now(),
    });
    if (body.priority !== undefined) for (const job of created) job.priority = body.priority;
    const build = created[0] === undefined ? undefined : runtime.state.builds.get(created[0].buildUuid);
    return jsonResponse({
      ids: created.map((job) => job.uuid),
      build: build === undefined ? null : { id: build.uuid, pipeline: build.pipelineSlug, number: build.number },
    });
  };

  const armFault = (request: RouteRequest): Response =>
    jsonResponse({ fault: runtime.faults.arm(parseBody(request.body, faultSpecSchema)) });
  const listFaults = (): Response => jsonResponse({ faults: runtime.faults.list() });
  const clearFaults = (): Response => jsonResponse({ cleared: runtime.faults.clear() });

  const activity = (request: RouteRequest): Response => {
    runtime.setActivity(parseBody(request.body, activityBody).on);
    return jsonResponse({ on: runtime.activity });
  };

  const fixtures = async (): Promise<Response> => jsonResponse(await fixturesJson(runtime.state, runtime.now()));

  return [
    { method: "GET", pattern: "/__sim/stats", handle: stats },
    { method: "GET", pattern: "/__sim/fixtures", handle: fixtures },
    { method: "POST", pattern: "/__sim/reset", handle: reset },
    { method: "POST", pattern: "/__sim/clock", handle: clock },
    { method: "POST", pattern: "/__sim/queue", handle: queue },
    { method: "POST", pattern: "/__sim/jobs", handle: jobs },
    { method: "POST", pattern: "/__sim/faults", handle: armFault },
    { method: "GET", pattern: "/__sim/faults", handle: listFaults },
    { method: "DELETE", pattern: "/__sim/faults", handle: clearFaults },
    { method: "POST", pattern: "/__sim/activity", handle: activity },
    ...agentControlRoutes(runtime),
    ...buildControlRoutes(runtime),
    ...clusterControlRoutes(runtime),
    ...webhookControlRoutes(runtime),
  ];
}
