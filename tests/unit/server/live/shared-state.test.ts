import { describe, expect, test } from "vitest";
import { z } from "zod";
import { memorySharedState } from "@/server/live/shared-state";

// Without REDIS_URL the adapter is this process's memory: the shared reads and buckets the console always had.

describe("memorySharedState", () => {
  test("reads are shared within the TTL and forgotten by scope", async () => {
    const now = 0;
    const state = memorySharedState(() => now);
    const cache = state.sharedRead<number>({
      name: "n",
      ttlMs: 1_000,
      schema: z.number(),
      scopeOf: (key) => key.slice(0, key.indexOf("/") + 1),
      now: () => now,
    });
    let calls = 0;
    const fetcher = async () => (calls += 1);
    expect(await cache.read("a/1", fetcher)).toMatchObject({ value: 1, shared: false });
    expect(await cache.read("a/1", fetcher)).toMatchObject({ value: 1, shared: true });
    await cache.invalidate("a/");
    expect(await cache.read("a/1", fetcher)).toMatchObject({ value: 2, shared: false });
  });

  test("token buckets answer at once, with the seconds until the next token once spent", () => {
    let now = 0;
    const spend = memorySharedState(() => now).tokenBuckets("mutations", 2);
    expect(spend("ada")).toBeNull();
    expect(spend("ada")).toBeNull();
    expect(spend("ada")).toBe(30);
    now += 30_000;
    expect(spend("ada")).toBeNull();
  });

  test("a claim is the first caller's until it expires", async () => {
    let now = 0;
    const state = memorySharedState(() => now);
    expect(await state.claimOnce("delivery", "k", 1_000)).toBe(true);
    expect(await state.claimOnce("delivery", "k", 1_000)).toBe(false);
    now += 1_000;
    expect(await state.claimOnce("delivery", "k", 1_000)).toBe(true);
  });
});
