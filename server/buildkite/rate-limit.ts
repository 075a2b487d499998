export interface RateLimitInfo {
  scope: string | null;
  limit: number | null;
  remaining: number | null;
  resetSeconds: number | null;
}

/**
 * The Stacks API and the REST organisation budget use `RateLimit-*`; the REST per-user budget uses
 * `RateLimit-User-*`. Same four suffixes, so one parser serves every family through its prefix.
 */
export type RateLimitPrefix = "ratelimit" | "ratelimit-user";

export function parseRateLimit(
  headers: Readonly<Record<string, string>>,
  prefix: RateLimitPrefix = "ratelimit",
): RateLimitInfo | null {
  const scope = headers[`${prefix}-scope`];
  const limit = headers[`${prefix}-limit`];
  const remaining = headers[`${prefix}-remaining`];
  const reset = headers[`${prefix}-reset`];
  if (scope === undefined && limit === undefined && remaining === undefined && reset === undefined) {
    return null;
  }
  return {
    scope: scope?.trim() || null,
    limit: parseInteger(limit),
    // Remaining can go negative upstream, so the sign is kept rather than clamped.
    remaining: parseInteger(remaining),
    resetSeconds: parseInteger(reset),
  };
}

function parseInteger(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number.parseInt(trimmed, 10) : null;
}

/**
 * Every REST request spends the organisation's and the user's budget; the one closer to running out is
 * the one a caller must respect, so that is the one reported.
 */
export function parseRestRateLimit(headers: Readonly<Record<string, string>>): RateLimitInfo | null {
  const org = parseRateLimit(headers);
  const user = parseRateLimit(headers, "ratelimit-user");
  if (org === null || user === null) return org ?? user;
  return (user.remaining ?? Infinity) < (org.remaining ?? Infinity) ? user : org;
}
