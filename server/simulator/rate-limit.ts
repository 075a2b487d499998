/** Per-stack, per-endpoint limits from the Stacks API reference. */
export const SCOPE_LIMITS = {
  "list-scheduled-jobs": 10,
  "batch-reserve": 10,
  "show-job": 1000,
  "batch-load-job-states": 20,
  "finish-job": 100,
  "stack-notification": 200,
  default: 10,
} as const;
export type RateLimitScope = keyof typeof SCOPE_LIMITS;

export interface RateLimitStatus {
  scope: RateLimitScope;
  limit: number;
  current: number;
  remaining: number;
  resetSeconds: number;
  limited: boolean;
}

const WINDOW_MS = 1_000;

interface Window {
  startedAt: number;
  count: number;
}

/**
 * One-second windows on the real clock (simulated time jumps must not refill budgets). A window opens
 * with its first request, so a burst is judged as a whole instead of straddling a wall-clock second.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly enabled: boolean) {}

  consume(bucket: string, scope: RateLimitScope): RateLimitStatus {
    const now = Date.now();
    const id = `${bucket}\u0000${scope}`;
    let window = this.windows.get(id);
    if (window === undefined || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      this.windows.set(id, window);
    }
    window.count++;
    return this.status(scope, window, now);
  }

  /** Headers for responses that do not spend budget (401, 404 route, faults). */
  peek(bucket: string, scope: RateLimitScope): RateLimitStatus {
    const now = Date.now();
    const window = this.windows.get(`${bucket}\u0000${scope}`);
    const live = window !== undefined && now - window.startedAt < WINDOW_MS ? window : { startedAt: now, count: 0 };
    return this.status(scope, live, now);
  }

  reset(): void {
    this.windows.clear();
  }

  private status(scope: RateLimitScope, window: Window, now: number): RateLimitStatus {
    const limit = SCOPE_LIMITS[scope];
    return {
      scope,
      limit,
      current: window.count,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1_000)),
      limited: this.enabled && window.count > limit,
    };
  }
}

export function rateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return {
    "RateLimit-Scope": status.scope,
    "RateLimit-Limit": String(status.limit),
    "RateLimit-Remaining": String(status.remaining),
    "RateLimit-Reset": String(status.resetSeconds),
  };
}

export function rateLimitedBody(status: RateLimitStatus): Record<string, string | number> {
  return {
    message: `You have exceeded your API rate limit. Please wait ${status.resetSeconds} seconds before making more requests.`,
    scope: status.scope,
    limit: status.limit,
    current: status.current,
    reset: status.resetSeconds,
  };
}
