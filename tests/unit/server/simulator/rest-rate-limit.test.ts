import { describe, expect, it } from "vitest";

import { RestRateLimiter, restRateLimitHeaders } from "@/server/simulator/rest-rate-limit";

describe("simulated REST rate limits", () => {
  it("spends the organisation's and the user's budget on every request", () => {
    const limiter = new RestRateLimiter(true);
    limiter.consume("acme", "ada@acme.example");
    const status = limiter.consume("acme", "bob@acme.example");
    expect(status.org).toMatchObject({ scope: "rest", limit: 200, current: 2, remaining: 198 });
    expect(status.user).toMatchObject({ scope: "rest_user", limit: 50, current: 1, remaining: 49 });
    expect(status.exceeded).toBeNull();
  });

  it("refuses the 51st request of a user in a minute, with negative remaining and a warning", () => {
    const limiter = new RestRateLimiter(true);
    for (let i = 0; i < 50; i++) expect(limiter.consume("acme", "ada@acme.example").exceeded).toBeNull();
    const status = limiter.consume("acme", "ada@acme.example");
    expect(status.exceeded).toMatchObject({ scope: "rest_user", current: 51, remaining: -1 });
    const headers = restRateLimitHeaders(status);
    expect(headers).toMatchObject({
      "RateLimit-User-Remaining": "-1",
      "RateLimit-Remaining": "149",
      "RateLimit-Scope": "rest",
    });
    expect(headers["RateLimit-User-Warning"]).toBeDefined();
    expect(headers["RateLimit-Warning"]).toBeUndefined();
  });

  it("counts but never refuses when rate limits are off, and forgets everything on reset", () => {
    const limiter = new RestRateLimiter(false);
    for (let i = 0; i < 60; i++) limiter.consume("acme", "ada@acme.example");
    expect(limiter.consume("acme", "ada@acme.example")).toMatchObject({ exceeded: null, user: { current: 61 } });
    limiter.reset();
    expect(limiter.consume("acme", "ada@acme.example").user.current).toBe(1);
  });
});
