import { parseRateLimit, type RateLimitInfo } from "./rate-limit";

/*
 * Retry is hand-written instead of using undici's RetryAgent/retry interceptor because that handler
 * decides on the status line alone: it cannot retry a 2xx whose body turns out not to be JSON (the
 * official Go client does), and it knows Retry-After but not the Stacks API's RateLimit-Reset. What is
 * left after that is the few lines below plus the loop in http.ts.
 */

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** Growth per retry; 1.5 lands close to the official client's waits (≈1.5, 2.0, 2.9, 4.2 s). */
  multiplier: number;
  jitterMinMs: number;
  jitterMaxMs: number;
  maxDelayMs: number;
  /** Injectable so tests can observe waits instead of timing them. Must reject when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for deterministic jitter; returns [0, 1). */
  random: () => number;
}

export interface RetryHint {
  status: number | null;
  headers: Readonly<Record<string, string>>;
  /** The budget the API family reports (REST: the tighter of organisation and user); else read from headers. */
  rateLimit?: RateLimitInfo | null;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 1000,
  multiplier: 1.5,
  jitterMinMs: 500,
  jitterMaxMs: 1000,
  maxDelayMs: 30_000,
  sleep: abortableSleep,
  random: Math.random,
});

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError("retry.maxAttempts must be an integer ≥ 1");
  }
  for (const field of ["baseDelayMs", "jitterMinMs", "jitterMaxMs", "maxDelayMs"] as const) {
    if (!Number.isFinite(policy[field]) || policy[field] < 0) {
      throw new RangeError(`retry.${field} must be a finite number ≥ 0`);
    }
  }
  if (policy.jitterMaxMs < policy.jitterMinMs) throw new RangeError("retry.jitterMaxMs < retry.jitterMinMs");
  if (!(policy.multiplier >= 1)) throw new RangeError("retry.multiplier must be ≥ 1");
  return policy;
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Wait before retry number `retryNumber` (1 = the wait after the first failed attempt). */
export function computeRetryDelay(
  policy: RetryPolicy,
  retryNumber: number,
  hint: RetryHint,
  now: number = Date.now(),
): number {
  const serverWait = serverRequestedWait(hint, now);
  if (serverWait !== null) return Math.min(serverWait, policy.maxDelayMs);
  const exponential = policy.baseDelayMs * policy.multiplier ** Math.max(0, retryNumber - 1);
  const jitter = policy.jitterMinMs + policy.random() * (policy.jitterMaxMs - policy.jitterMinMs);
  return Math.min(Math.round(exponential + jitter), policy.maxDelayMs);
}

function serverRequestedWait(hint: RetryHint, now: number): number | null {
  if (hint.status === null || !isRetryableStatus(hint.status)) return null;
  const retryAfter = parseRetryAfter(hint.headers["retry-after"], now);
  if (retryAfter !== null) return retryAfter;
  if (hint.status !== 429) return null;
  // Buildkite sends no Retry-After on 429s; RateLimit-Reset is when the window reopens. A reset of 0
  // says nothing useful, so the backoff applies then rather than a hot retry loop.
  const reset = (hint.rateLimit ?? parseRateLimit(hint.headers))?.resetSeconds ?? null;
  return reset !== null && reset > 0 ? reset * 1000 : null;
}

/** Retry-After in milliseconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when unusable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
