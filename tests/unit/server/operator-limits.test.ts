import { describe, expect, it } from "vitest";
import { ConsoleError } from "@/server/route-kit/console-error";
import { createMutationRateLimit } from "@/server/operator-limits";

describe("createMutationRateLimit", () => {
  it("allows a minute's worth at once, then refills evenly, per operator", () => {
    let now = 0;
    const limit = createMutationRateLimit({ perMinute: 3, now: () => now });
    for (let i = 0; i < 3; i++) limit.take("ada");
    expect(() => limit.take("ada")).toThrow(ConsoleError);
    limit.take("grace");
    now += 20_000;
    limit.take("ada");
    expect(() => limit.take("ada")).toThrow(/at most 3 a minute/);
  });

  it("says when the next change is allowed", () => {
    let now = 0;
    const limit = createMutationRateLimit({ perMinute: 2, now: () => now });
    limit.take("ada");
    limit.take("ada");
    now += 10_000;
    try {
      limit.take("ada");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        type: "rate_limited",
        code: "mutation_rate_limited",
        details: { retryAfterSeconds: 20 },
      });
    }
  });
});
