import { ApiError } from "../api/api-error";

// When the browser reads again after a failed read. Only a failure that can pass is worth another try: the
// console's server out of reach, a 5xx, or a 429 (rate limited). A 4xx says the question itself is wrong
// (a bad filter, a missing permission, nothing there): asking again only repeats the refusal, and the
// page should say why at once rather than after three more refusals.

/** Tries after the first, for a failure that may pass. */
export const MAX_QUERY_RETRIES = 3;

/** Whether a failed read may succeed if asked again unchanged. */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  // Status 0: no answer at all (the server could not be reached, or answered without JSON).
  if (error.status === 0 || error.error.type === "network_error") return true;
  return error.status === 429 || error.status >= 500;
}

/** TanStack Query's `retry` for every read of the console: see the QueryClient in query-provider.tsx. */
export const retryQuery = (failureCount: number, error: unknown): boolean =>
  failureCount < MAX_QUERY_RETRIES && isTransientFailure(error);
