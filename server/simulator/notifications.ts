import type { Job } from "./model";
import type { SimState } from "./state";
import { codePoints } from "./stacks-schemas";

const FINISHED_GRACE_MS = 300_000;

export interface NotificationInput {
  job_uuid: string;
  detail: string;
  timestamp?: string;
}

export interface NotificationLimits {
  maxDetail: number;
  maxPerJob: number;
}

export const CURRENT_LIMITS: NotificationLimits = { maxDetail: 256, maxPerJob: 100 };
export const LEGACY_LIMITS: NotificationLimits = { maxDetail: 255, maxPerJob: 50 };

/** Returns why the notification is refused, or stores it and returns null. */
export function addNotification(
  job: Job | undefined,
  input: NotificationInput,
  now: number,
  limits: NotificationLimits,
): string | null {
  if (job === undefined) return "Job not found";
  const length = codePoints(input.detail);
  if (length < 1 || length > limits.maxDetail) return `detail must be 1 to ${limits.maxDetail} characters`;
  const timestamp = input.timestamp === undefined ? now : Date.parse(input.timestamp);
  if (Number.isNaN(timestamp)) return "timestamp must be an ISO 8601 time";
  if (timestamp > now) return "timestamp must not be in the future";
  if (timestamp < job.createdAt) return "timestamp must not be before the job was created";
  if (job.finishedAt !== null && now - job.finishedAt > FINISHED_GRACE_MS)
    return "Job finished more than 300 seconds ago";
  if (job.notifications.length >= limits.maxPerJob)
    return `Job already has the maximum of ${limits.maxPerJob} notifications`;
  job.notifications.push({ detail: input.detail, timestamp, createdAt: now });
  return null;
}

/** Partial success: valid notifications are stored, failures are grouped by message with their indexes. */
export function addNotifications(
  state: SimState,
  inputs: readonly NotificationInput[],
  now: number,
): { error: string; indexes: number[] }[] {
  const errors = new Map<string, number[]>();
  inputs.forEach((input, index) => {
    const error = addNotification(state.jobs.get(input.job_uuid), input, now, CURRENT_LIMITS);
    if (error === null) return;
    const indexes = errors.get(error) ?? [];
    indexes.push(index);
    errors.set(error, indexes);
  });
  return [...errors].map(([error, indexes]) => ({ error, indexes }));
}
