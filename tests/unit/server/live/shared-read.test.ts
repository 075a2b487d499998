import { describe, expect, test } from "vitest";
import { createSharedRead } from "@/server/live/shared-read";
import { deferred } from "../../../support/deferred";

describe("createSharedRead", () => {
  test("concurrent reads of one key share a single fetch", async () => {
    const shared = createSharedRead<number>({ ttlMs: 1000 });
    const gate = deferred<number>();
    let calls = 0;
    const fetcher = () => {
      calls += 1;
      return gate.promise;
    };
    const reads = Array.from({ length: 20 }, () => shared.read("k", fetcher));
    gate.resolve(7);
    const results = await Promise.all(reads);
    expect(calls).toBe(1);
    expect(results.map((r) => r.value)).toEqual(Array(20).fill(7));
    expect(results.filter((r) => !r.shared)).toHaveLength(1);
  });

  test("a settled value is reused within the TTL and refetched after it", async () => {
    let now = 0;
    const shared = createSharedRead<number>({ ttlMs: 1000, now: () => now });
    let calls = 0;
    const fetcher = async () => ++calls;
    expect((await shared.read("k", fetcher)).value).toBe(1);
    now = 999;
    expect((await shared.read("k", fetcher)).value).toBe(1);
    now = 1000;
    expect((await shared.read("k", fetcher)).value).toBe(2);
  });

  test("different keys do not share", async () => {
    const shared = createSharedRead<string>({ ttlMs: 1000 });
    const a = await shared.read("a", async () => "A");
    const b = await shared.read("b", async () => "B");
    expect([a.value, b.value]).toEqual(["A", "B"]);
  });

  test("a failure reaches every waiter but is not cached", async () => {
    const shared = createSharedRead<number>({ ttlMs: 60_000 });
    const gate = deferred<number>();
    const first = shared.read("k", () => gate.promise);
    const second = shared.read("k", () => Promise.resolve(99));
    gate.reject(new Error("upstream down"));
    await expect(first).rejects.toThrow("upstream down");
    await expect(second).rejects.toThrow("upstream down");
    expect((await shared.read("k", async () => 5)).value).toBe(5);
  });

  test("invalidate drops cached and in-flight values under a prefix only", async () => {
    const shared = createSharedRead<number>({ ttlMs: 60_000 });
    await shared.read("stack-a\nq", async () => 1);
    await shared.read("stack-ab\nq", async () => 1);
    shared.invalidate("stack-a\n");
    expect((await shared.read("stack-a\nq", async () => 2)).value).toBe(2);
    expect((await shared.read("stack-ab\nq", async () => 2)).value).toBe(1);

    const gate = deferred<number>();
    const inFlight = shared.read("stack-a\nslow", () => gate.promise);
    shared.invalidate("stack-a\n");
    const fresh = shared.read("stack-a\nslow", async () => 20);
    gate.resolve(10);
    expect((await inFlight).value).toBe(10);
    expect((await fresh).value).toBe(20);
  });

  test("the number of remembered keys is bounded", async () => {
    const shared = createSharedRead<number>({ ttlMs: 60_000, maxEntries: 2 });
    let calls = 0;
    const fetcher = async () => ++calls;
    await shared.read("a", fetcher);
    await shared.read("b", fetcher);
    await shared.read("c", fetcher);
    await shared.read("a", fetcher);
    expect(calls).toBe(4);
  });
});
