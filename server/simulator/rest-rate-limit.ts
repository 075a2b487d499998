/** The REST API's budgets per the reference: each request spends both the organisation's and its user's. */
export const REST_LIMITS = { rest: 200, rest_user: 50 } as const;
export type RestBudgetScope = keyof typeof REST_LIMITS;

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

export interface SimRestBudget {
  scope: RestBudgetScope;
  limit: number;
  current: number;
  /** Goes negative past the limit, as Buildkite's does. */
  remaining: number;
  resetSeconds: number;
}

export interface RestRateLimitStatus {
  org: SimRestBudget;
  user: SimRestBudget;
  /** The exhausted budget, user first (it is the smaller); null while both have room. */
  exceeded: SimRestBudget | null;
}

/** Minute windows on the real clock, like the Stacks limiter: simulated time jumps must not refill budgets. */
export class RestRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly enabled: boolean) {}

  /** Spends one request of the organisation's budget and of the token's user's. */
  consume(org: string, user: string): RestRateLimitStatus {
    const now = Date.now();
    const orgBudget = this.spend(`org\u0000${org}`, "rest", now);
    const userBudget = this.spend(`user\u0000${user}`, "rest_user", now);
    const over = (budget: SimRestBudget) => this.enabled && budget.current > budget.limit;
    return {
      org: orgBudget,
      user: userBudget,
      exceeded: over(userBudget) ? userBudget : over(orgBudget) ? orgBudget : null,
    };
  }

  reset(): void {
    this.windows.clear();
  }

  private spend(id: string, scope: RestBudgetScope, now: number): SimRestBudget {
    let window = this.windows.get(id);
    if (window === undefined || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      this.windows.set(id, window);
    }
    window.count++;
    const limit = REST_LIMITS[scope];
    return {
      scope,
      limit,
      current: window.count,
      remaining: limit - window.count,
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1_000)),
    };
  }
}

export function restRateLimitHeaders(status: RestRateLimitStatus): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [prefix, budget] of [
    ["RateLimit", status.org],
    ["RateLimit-User", status.user],
  ] as const) {
    headers[`${prefix}-Scope`] = budget.scope;
    headers[`${prefix}-Limit`] = String(budget.limit);
    headers[`${prefix}-Remaining`] = String(budget.remaining);
    headers[`${prefix}-Reset`] = String(budget.resetSeconds);
    if (budget.remaining < 0) headers[`${prefix}-Warning`] = `You have exceeded your ${budget.scope} API rate limit`;
  }
  return headers;
}

export function restRateLimitedBody(budget: SimRestBudget): Record<string, string | number> {
  return {
    message: `You have exceeded your API rate limit. Please wait ${budget.resetSeconds} seconds before making more requests.`,
    scope: budget.scope,
    limit: budget.limit,
    current: budget.current,
    reset: budget.resetSeconds,
  };
}
