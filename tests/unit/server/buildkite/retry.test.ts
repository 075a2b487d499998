import { describe, expect, it } from "vitest";

import {
  abortableSleep,
  computeRetryDelay,
  parseRetryAfter,
  resolveRetryPolicy,
  type RetryPolicy,
} from "@/server/buildkite/retry";

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return resolveRetryPolicy(overrides);
}

const noHint = { status: null, headers: {} };

describe("computeRetryDelay", () => {
  it("grows exponentially from the base delay, plus jitter", () => {
    const fixed = policy({ random: () => 0 });
    expect([1, 2, 3, 4].map((n) => computeRetryDelay(fixed, n, noHint))).toEqual([1500, 2000, 2750, 3875]);
  });

  it("keeps jitter within [jitterMin, jitterMax]", () => {
    const low = policy({ random: () => 0, multiplier: 1 });
    const high = policy({ random: () => 0.999999, multiplier: 1 });
    expect(computeRetryDelay(low, 1, noHint)).toBe(1500);
    expect(computeRetryDelay(high, 1, noHint)).toBe(2000);
    const real = policy();
    for (let i = 0; i < 200; i++) {
      const delay = computeRetryDelay(real, 1, noHint);
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it("matches the official client's first waits with the default policy", () => {
    const waits = [1, 2, 3, 4].map((n) => [
      computeRetryDelay(policy({ random: () => 0 }), n, noHint),
      computeRetryDelay(policy({ random: () => 0.999999 }), n, noHint),
    ]);
    expect(waits[0]).toEqual([1500, 2000]);
    expect(waits[3]?.[0]).toBeGreaterThan(3800);
    expect(waits[3]?.[1]).toBeLessThan(4400);
  });

  it("caps every wait at maxDelayMs", () => {
    expect(computeRetryDelay(policy({ random: () => 0 }), 30, noHint)).toBe(30_000);
    expect(computeRetryDelay(policy({ maxDelayMs: 1200 }), 1, noHint)).toBe(1200);
    expect(computeRetryDelay(policy({ maxDelayMs: 5000 }), 1, { status: 429, headers: { "retry-after": "60" } })).toBe(
      5000,
    );
  });

  it("uses a numeric Retry-After exactly on 429 and 5xx", () => {
    const p = policy();
    expect(computeRetryDelay(p, 1, { status: 429, headers: { "retry-after": "3" } })).toBe(3000);
    expect(computeRetryDelay(p, 4, { status: 503, headers: { "retry-after": "2" } })).toBe(2000);
    expect(computeRetryDelay(p, 1, { status: 500, headers: { "retry-after": "0" } })).toBe(0);
  });

  it("ignores Retry-After on statuses that are not retried for load", () => {
    const delay = computeRetryDelay(policy({ random: () => 0 }), 1, { status: 200, headers: { "retry-after": "9" } });
    expect(delay).toBe(1500);
  });

  it("uses RateLimit-Reset on a 429 without Retry-After", () => {
    const p = policy();
    expect(computeRetryDelay(p, 1, { status: 429, headers: { "ratelimit-reset": "4" } })).toBe(4000);
    expect(computeRetryDelay(p, 1, { status: 429, headers: { "ratelimit-reset": "4", "retry-after": "1" } })).toBe(
      1000,
    );
  });

  it("waits for the exhausted REST budget's reset, not the organisation's", () => {
    const headers = { "ratelimit-reset": "50", "ratelimit-user-reset": "12" };
    const rateLimit = { scope: "rest_user", limit: 50, remaining: -1, resetSeconds: 12 };
    expect(computeRetryDelay(policy(), 1, { status: 429, headers, rateLimit })).toBe(12_000);
  });

  it("falls back to backoff when RateLimit-Reset is 0 or not on a 429", () => {
    const p = policy({ random: () => 0 });
    expect(computeRetryDelay(p, 1, { status: 429, headers: { "ratelimit-reset": "0" } })).toBe(1500);
    expect(computeRetryDelay(p, 1, { status: 503, headers: { "ratelimit-reset": "7" } })).toBe(1500);
  });
});

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates", () => {
    const now = Date.parse("2026-11-20T09:00:00Z");
    expect(parseRetryAfter("5", now)).toBe(5000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1500);
    expect(parseRetryAfter("Fri, 20 Nov 2026 09:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Fri, 20 Nov 2026 08:00:00 GMT", now)).toBe(0);
  });

  it("rejects what it cannot use", () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("-3")).toBeNull();
    expect(parseRetryAfter("soon-ish?")).toBeNull();
    expect(parseRetryAfter("")).toBeNull();
  });
});

describe("resolveRetryPolicy", () => {
  it("fills defaults", () => {
    const p = resolveRetryPolicy({ baseDelayMs: 10 });
    expect(p).toMatchObject({
      maxAttempts: 5,
      baseDelayMs: 10,
      jitterMinMs: 500,
      jitterMaxMs: 1000,
      maxDelayMs: 30_000,
    });
  });

  it("rejects nonsense", () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ jitterMinMs: 10, jitterMaxMs: 5 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(RangeError);
  });
});

describe("abortableSleep", () => {
  it("rejects with the abort reason when the signal fires", async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });

  it("rejects at once on an already-aborted signal and resolves otherwise", async () => {
    await expect(abortableSleep(10, AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});
