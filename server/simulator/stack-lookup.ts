import { HttpError } from "./http-errors";
import type { Job, SimStack } from "./model";
import type { RouteRequest } from "./routes";
import type { SimState } from "./state";

/** Every /stacks/{key}/… call needs a registered key first, as the docs require. */
export function requireStack(state: SimState, request: RouteRequest): SimStack {
  const stack = state.stacks.get(request.params.key ?? "");
  if (stack === undefined) throw new HttpError(404, "Stack not found");
  return stack;
}

export function requireJob(state: SimState, request: RouteRequest): Job {
  requireStack(state, request);
  const job = state.jobs.get(request.params.uuid ?? "");
  if (job === undefined) throw new HttpError(404, "Job not found");
  return job;
}
