import { HttpError } from "./http-errors";
import { scheduledJobBytes } from "./job-json";
import type { RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";
import { decodeCursor, encodeCursor } from "./scheduled-index";
import { requireStack } from "./stack-lookup";

const DEFAULT_PAGE_SIZE = 100;
const COMMA = Buffer.from(",");

/** GET scheduled-jobs (current shape) and scheduled_jobs (older flat shape, when `legacy`). */
export function listScheduledJobs(runtime: SimRuntime, request: RouteRequest, legacy: boolean): Response {
  const stack = requireStack(runtime.state, request);
  const query = request.url.searchParams;
  const queueKey = query.get("queue_key");
  if (queueKey === null || queueKey === "") throw new HttpError(400, "queue_key is required");
  const limitText = query.get("limit");
  const limit = limitText === null ? DEFAULT_PAGE_SIZE : Number(limitText);
  if (limitText !== null && (!/^\d+$/.test(limitText) || limit < 1 || limit > 1000))
    throw new HttpError(400, "limit must be an integer from 1 to 1000");
  const afterText = query.get("after");
  const after = afterText === null || afterText === "" ? null : decodeCursor(afterText);
  if (after === null && afterText !== null && afterText !== "") throw new HttpError(400, "after is not a valid cursor");
  const queue = runtime.state.queue(queueKey);
  if (queue === undefined) throw new HttpError(404, "Cluster queue not found");
  stack.lastConnectedOn = runtime.now();

  const page = runtime.state.page(queue, after, limit);
  const last = page.jobs.at(-1);
  const rest = JSON.stringify({
    cluster_queue: { id: queue.id, [queue.pausedField]: queue.paused },
    page_info: { has_next_page: page.hasNextPage, end_cursor: last === undefined ? null : encodeCursor(last) },
  });
  // Spliced from per-job cached bytes: see scheduledJobBytes.
  const parts: Uint8Array[] = [Buffer.from('{"jobs":[')];
  page.jobs.forEach((job, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(scheduledJobBytes(runtime.state, job, legacy));
  });
  parts.push(Buffer.from(`],${rest.slice(1)}`));
  return new Response(Buffer.concat(parts), { headers: { "content-type": "application/json; charset=utf-8" } });
}
