import { HttpError, jsonResponse, parseBody } from "./http-errors";
import { stackJson } from "./job-json";
import { listScheduledJobs } from "./list-scheduled-jobs";
import { TERMINAL_JOB_STATES, type SimStack } from "./model";
import { addNotification, addNotifications, LEGACY_LIMITS } from "./notifications";
import type { RouteRequest, StacksRoute } from "./routes";
import type { SimRuntime } from "./runtime";
import { requireJob, requireStack } from "./stack-lookup";
import {
  finishBody,
  getStatesBody,
  legacyNotificationBody,
  notificationsBody,
  registerBody,
  reserveBody,
} from "./stacks-schemas";

const DEFAULT_RESERVATION_SECONDS = 900;

export function stacksRoutes(runtime: SimRuntime): StacksRoute[] {
  const register = (request: RouteRequest): Response => {
    const body = parseBody(request.body, registerBody);
    const { stacks } = runtime.state;
    const existing = stacks.get(body.key);
    if (existing === undefined && stacks.size >= runtime.options.stackLimit) {
      throw new HttpError(
        403,
        `Organization has reached its limit of ${runtime.options.stackLimit} stacks; deregister one first`,
      );
    }
    const stack: SimStack = {
      id: existing?.id ?? runtime.random.uuid(),
      key: body.key,
      type: body.type,
      queueKey: body.queue_key,
      metadata: body.metadata ?? {},
      lastConnectedOn: runtime.now(),
    };
    stacks.set(stack.key, stack);
    return jsonResponse(stackJson(runtime.state, stack, runtime.now()), existing === undefined ? 201 : 200);
  };

  const deregister = (request: RouteRequest): Response => {
    const stack = requireStack(runtime.state, request);
    runtime.state.stacks.delete(stack.key);
    return new Response(null, { status: 204 });
  };

  const reserve = (request: RouteRequest): Response => {
    const stack = requireStack(runtime.state, request);
    const body = parseBody(request.body, reserveBody);
    const expiresAt = runtime.now() + (body.reservation_expiry_seconds ?? DEFAULT_RESERVATION_SECONDS) * 1_000;
    const reserved: string[] = [];
    const notReserved: string[] = [];
    for (const uuid of body.job_uuids) {
      const job = runtime.state.jobs.get(uuid);
      const ok = job !== undefined && runtime.state.reserve(job, stack.key, expiresAt);
      (ok ? reserved : notReserved).push(uuid);
    }
    return jsonResponse({ reserved, not_reserved: notReserved });
  };

  const showJob = (request: RouteRequest): Response => {
    const job = requireJob(runtime.state, request);
    return jsonResponse({ id: job.uuid, env: job.env, command: job.command });
  };

  const getStates = (request: RouteRequest): Response => {
    requireStack(runtime.state, request);
    const body = parseBody(request.body, getStatesBody);
    const states: Record<string, string> = {};
    for (const uuid of body.job_uuids) {
      const job = runtime.state.jobs.get(uuid);
      if (job !== undefined) states[uuid] = job.state;
    }
    return jsonResponse({ states });
  };

  const finish = (request: RouteRequest): Response => {
    const stack = requireStack(runtime.state, request);
    const job = requireJob(runtime.state, request);
    const body = parseBody(request.body, finishBody);
    if (TERMINAL_JOB_STATES.has(job.state)) throw new HttpError(422, "Job has already finished");
    if (job.state !== "scheduled" && job.state !== "reserved") {
      throw new HttpError(422, `Job is ${job.state} and can no longer be finished by a stack`);
    }
    runtime.state.finishByStack(job, stack.key, body.exit_status ?? -1, body.detail, runtime.now());
    return jsonResponse({});
  };

  const notifications = (request: RouteRequest): Response => {
    requireStack(runtime.state, request);
    const body = parseBody(request.body, notificationsBody);
    return jsonResponse({ errors: addNotifications(runtime.state, body.notifications, runtime.now()) });
  };

  const legacyNotification = (request: RouteRequest): Response => {
    const job = requireJob(runtime.state, request);
    const body = parseBody(request.body, legacyNotificationBody);
    const error = addNotification(job, { job_uuid: job.uuid, detail: body.detail }, runtime.now(), LEGACY_LIMITS);
    if (error !== null) throw new HttpError(422, error);
    return jsonResponse({});
  };

  return [
    { api: "stacks", method: "POST", pattern: "/v3/stacks/register", scope: "default", handle: register },
    { api: "stacks", method: "POST", pattern: "/v3/stacks/:key/deregister", scope: "default", handle: deregister },
    {
      api: "stacks",
      method: "GET",
      pattern: "/v3/stacks/:key/scheduled-jobs",
      scope: "list-scheduled-jobs",
      handle: (request) => listScheduledJobs(runtime, request, false),
    },
    {
      api: "stacks",
      method: "GET",
      pattern: "/v3/stacks/:key/scheduled_jobs",
      scope: "list-scheduled-jobs",
      handle: (request) => listScheduledJobs(runtime, request, true),
    },
    {
      api: "stacks",
      method: "PUT",
      pattern: "/v3/stacks/:key/scheduled-jobs/batch-reserve",
      scope: "batch-reserve",
      handle: reserve,
    },
    {
      api: "stacks",
      method: "PUT",
      pattern: "/v3/stacks/:key/scheduled_jobs/batch_reserve",
      scope: "batch-reserve",
      handle: reserve,
    },
    {
      api: "stacks",
      method: "POST",
      pattern: "/v3/stacks/:key/jobs/get-states",
      scope: "batch-load-job-states",
      handle: getStates,
    },
    { api: "stacks", method: "GET", pattern: "/v3/stacks/:key/jobs/:uuid", scope: "show-job", handle: showJob },
    {
      api: "stacks",
      method: "POST",
      pattern: "/v3/stacks/:key/jobs/:uuid/finish",
      scope: "finish-job",
      handle: finish,
    },
    {
      api: "stacks",
      method: "POST",
      pattern: "/v3/stacks/:key/notifications",
      scope: "stack-notification",
      handle: notifications,
    },
    {
      api: "stacks",
      method: "POST",
      pattern: "/v3/stacks/:key/jobs/:uuid/stack_notifications",
      scope: "stack-notification",
      handle: legacyNotification,
    },
  ];
}
