import { describe, expect, it } from "vitest";

import { parseRateLimit, parseRestRateLimit } from "@/server/buildkite/rate-limit";

describe("parseRateLimit", () => {
  it("reads the Stacks API headers", () => {
    const headers = {
      "ratelimit-scope": "list-scheduled-jobs",
      "ratelimit-limit": "10",
      "ratelimit-remaining": "7",
      "ratelimit-reset": "1",
    };
    expect(parseRateLimit(headers)).toEqual({ scope: "list-scheduled-jobs", limit: 10, remaining: 7, resetSeconds: 1 });
  });

  it("returns null when no rate-limit header is present", () => {
    expect(parseRateLimit({ "content-type": "application/json" })).toBeNull();
  });

  it("keeps a negative remaining and nulls unparseable numbers", () => {
    expect(parseRateLimit({ "ratelimit-remaining": "-3", "ratelimit-limit": "ten" })).toEqual({
      scope: null,
      limit: null,
      remaining: -3,
      resetSeconds: null,
    });
  });

  it("reads the REST per-user family through its prefix", () => {
    const headers = {
      "ratelimit-scope": "rest",
      "ratelimit-remaining": "80",
      "ratelimit-user-scope": "rest_user",
      "ratelimit-user-limit": "50",
      "ratelimit-user-remaining": "35",
      "ratelimit-user-reset": "42",
    };
    expect(parseRateLimit(headers, "ratelimit-user")).toEqual({
      scope: "rest_user",
      limit: 50,
      remaining: 35,
      resetSeconds: 42,
    });
    expect(parseRateLimit(headers)?.remaining).toBe(80);
  });
});

describe("parseRestRateLimit", () => {
  const both = (orgRemaining: string, userRemaining: string) => ({
    "ratelimit-scope": "rest",
    "ratelimit-limit": "200",
    "ratelimit-remaining": orgRemaining,
    "ratelimit-reset": "42",
    "ratelimit-user-scope": "rest_user",
    "ratelimit-user-limit": "50",
    "ratelimit-user-remaining": userRemaining,
    "ratelimit-user-reset": "12",
  });

  it("reports the user budget when it is the one closer to running out", () => {
    expect(parseRestRateLimit(both("80", "35"))).toEqual({
      scope: "rest_user",
      limit: 50,
      remaining: 35,
      resetSeconds: 12,
    });
  });

  it("reports the organisation budget when it is the tighter one", () => {
    expect(parseRestRateLimit(both("3", "35"))).toMatchObject({ scope: "rest", remaining: 3 });
  });

  it("falls back to whichever family is present", () => {
    expect(parseRestRateLimit({ "ratelimit-user-remaining": "5" })).toMatchObject({ remaining: 5 });
    expect(parseRestRateLimit({})).toBeNull();
  });
});
