import { httpCoreOptions, type BuildkiteClientOptions } from "./client-options";

import { createHttpCore, type ApiResult, type RequestOptions } from "./http";
import { escapedPath } from "./path";
import {
  stacksJobDetailSchema,
  stacksJobStatesSchema,
  stacksNotificationsResultSchema,
  stacksReserveResultSchema,
  stacksScheduledJobsPageSchema,
  stacksRegistrationSchema,
  type ScheduledJobsPage,
  type StackType,
} from "./stacks-schemas";
import type { JobDetail } from "@/lib/schemas/jobs";
import type { Stack } from "@/lib/schemas/stacks";
import { FINISH_DETAIL_MAX_BYTES } from "@/lib/inputs/stacks";

export type { ApiResult, RequestOptions } from "./http";
export type { RateLimitInfo } from "./rate-limit";
export type { RetryPolicy } from "./retry";
export type { ScheduledJobsPage, StackType } from "./stacks-schemas";
export { STACKS_CLIENT_VERSION } from "./user-agent";
export { FINISH_DETAIL_MAX_BYTES };

export type StacksClientOptions = BuildkiteClientOptions;

export interface StacksClient {
  registerStack(
    input: { key: string; type: StackType; queueKey: string; metadata: Record<string, string> },
    opts?: RequestOptions,
  ): Promise<ApiResult<{ stack: Stack; created: boolean }>>;
  deregisterStack(stackKey: string, opts?: RequestOptions): Promise<ApiResult<null>>;
  listScheduledJobs(
    input: { stackKey: string; queueKey: string; limit?: number; after?: string },
    opts?: RequestOptions,
  ): Promise<ApiResult<ScheduledJobsPage>>;
  /** Follows `end_cursor` while `has_next_page`; stops after `maxPages` or at a null cursor. */
  scheduledJobPages(
    input: { stackKey: string; queueKey: string; limit?: number; maxPages: number },
    opts?: RequestOptions,
  ): AsyncIterable<ApiResult<ScheduledJobsPage>>;
  getJob(input: { stackKey: string; jobId: string }, opts?: RequestOptions): Promise<ApiResult<JobDetail>>;
  reserveJobs(
    input: { stackKey: string; jobIds: string[]; expirySeconds?: number },
    opts?: RequestOptions,
  ): Promise<ApiResult<{ reserved: string[]; notReserved: string[] }>>;
  getJobStates(
    input: { stackKey: string; jobIds: string[] },
    opts?: RequestOptions,
  ): Promise<ApiResult<{ states: Record<string, string> }>>;
  /** `exitStatus` 0 is sent (the Go client drops it); the field is omitted only when undefined. */
  finishJob(
    input: { stackKey: string; jobId: string; exitStatus?: number; detail: string },
    opts?: RequestOptions,
  ): Promise<ApiResult<null>>;
  createNotifications(
    input: { stackKey: string; notifications: { jobId: string; detail: string; timestamp?: Date }[] },
    opts?: RequestOptions,
  ): Promise<ApiResult<{ errors: { error: string; indexes: number[] }[] }>>;
}

const CROPPED_DETAIL_BYTES = 4038;
export const CROPPED_DETAIL_SUFFIX = "… (Message was cropped because it exceeded the max size)";

/** The official client's cropping, so an over-long reason still reaches the build page instead of a 422. */
export function cropFinishDetail(detail: string): string {
  const bytes = Buffer.from(detail, "utf8");
  if (bytes.length <= FINISH_DETAIL_MAX_BYTES) return detail;
  let end = CROPPED_DETAIL_BYTES;
  // UTF-8 continuation bytes look like 10xxxxxx; cutting before one would split a character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8") + CROPPED_DETAIL_SUFFIX;
}

// Optional wire fields are passed as undefined on purpose: JSON.stringify drops them, so an unset
// `exit_status`, `reservation_expiry_seconds` or `timestamp` never reaches the wire, while 0 does.
export function createStacksClient(options: StacksClientOptions): StacksClient {
  const http = createHttpCore(httpCoreOptions(options, "Token"));

  const listScheduledJobs: StacksClient["listScheduledJobs"] = (input, opts) =>
    http.sendJson(
      {
        method: "GET",
        path: escapedPath`/stacks/${input.stackKey}/scheduled-jobs`,
        query: { queue_key: input.queueKey, limit: input.limit, after: input.after || undefined },
      },
      stacksScheduledJobsPageSchema,
      opts,
    );

  return {
    async registerStack(input, opts) {
      const result = await http.sendJson(
        {
          method: "POST",
          path: "/stacks/register",
          body: { key: input.key, type: input.type, queue_key: input.queueKey, metadata: input.metadata },
        },
        stacksRegistrationSchema,
        opts,
      );
      return { ...result, data: { stack: result.data, created: result.status === 201 } };
    },

    deregisterStack: (stackKey, opts) =>
      http.sendEmpty({ method: "POST", path: escapedPath`/stacks/${stackKey}/deregister` }, opts),

    listScheduledJobs,

    async *scheduledJobPages(input, opts) {
      let after: string | undefined;
      for (let page = 0; page < input.maxPages; page++) {
        const result = await listScheduledJobs({ ...input, after }, opts);
        yield result;
        const { hasNextPage, endCursor } = result.data.pageInfo;
        if (!hasNextPage || endCursor === null) return;
        after = endCursor;
      }
    },

    getJob: (input, opts) =>
      http.sendJson(
        { method: "GET", path: escapedPath`/stacks/${input.stackKey}/jobs/${input.jobId}` },
        stacksJobDetailSchema,
        opts,
      ),

    reserveJobs: (input, opts) =>
      http.sendJson(
        {
          method: "PUT",
          path: escapedPath`/stacks/${input.stackKey}/scheduled-jobs/batch-reserve`,
          body: { job_uuids: input.jobIds, reservation_expiry_seconds: input.expirySeconds },
        },
        stacksReserveResultSchema,
        opts,
      ),

    getJobStates: (input, opts) =>
      http.sendJson(
        {
          method: "POST",
          path: escapedPath`/stacks/${input.stackKey}/jobs/get-states`,
          body: { job_uuids: input.jobIds },
        },
        stacksJobStatesSchema,
        opts,
      ),

    finishJob: (input, opts) =>
      http.sendEmpty(
        {
          method: "POST",
          path: escapedPath`/stacks/${input.stackKey}/jobs/${input.jobId}/finish`,
          body: { exit_status: input.exitStatus, detail: cropFinishDetail(input.detail) },
        },
        opts,
      ),

    createNotifications: (input, opts) =>
      http.sendJson(
        {
          method: "POST",
          path: escapedPath`/stacks/${input.stackKey}/notifications`,
          body: {
            notifications: input.notifications.map((notification) => ({
              job_uuid: notification.jobId,
              detail: notification.detail,
              timestamp: notification.timestamp?.toISOString(),
            })),
          },
        },
        stacksNotificationsResultSchema,
        opts,
      ),
  };
}
