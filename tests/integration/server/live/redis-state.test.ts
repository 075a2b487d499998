import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { Redis } from "ioredis";
import { createMutationRateLimit } from "@/server/operator-limits";
import { openRedisConnection, type RedisConnection } from "@/server/live/redis-connection";
import { redisSharedState } from "@/server/live/redis-state";
import { pingRedis } from "@/server/live/state";
import type { SharedState } from "@/server/live/shared-state";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";
import { deferred } from "../../../support/deferred";

// Two adapters on two connections stand for two console instances sharing one Redis.

const prefix = uniqueKeyPrefix("adapter");
const connections: RedisConnection[] = [];
const warnings: string[] = [];
const logger = {
  warn: (_fields: object, message: string) => {
    warnings.push(message);
  },
  info: () => {},
};

function instance(url = TEST_REDIS_URL): SharedState {
  const connection = openRedisConnection(url);
  connections.push(connection);
  return redisSharedState({ connection, keyPrefix: prefix, logger });
}

const valueSchema = z.object({ n: z.number(), label: z.string() });
type Value = z.infer<typeof valueSchema>;
let cacheCount = 0;
/** A cache of its own per test, scoped by the part of the key before "/". */
function cacheOn(state: SharedState, ttlMs = 10_000) {
  return state.sharedRead<Value>({
    name: `cache-${(cacheCount += 1)}`,
    ttlMs,
    schema: valueSchema,
    scopeOf: (key) => key.slice(0, key.indexOf("/") + 1),
  });
}
/** The same cache as seen from another instance. */
function sameCacheOn(state: SharedState, ttlMs = 10_000) {
  return state.sharedRead<Value>({
    name: `cache-${cacheCount}`,
    ttlMs,
    schema: valueSchema,
    scopeOf: (key) => key.slice(0, key.indexOf("/") + 1),
  });
}

const raw = new Redis(TEST_REDIS_URL);
afterEach(() => {
  warnings.length = 0;
});
afterAll(async () => {
  for (const connection of connections) await connection.close();
  raw.disconnect();
  await dropKeys(prefix);
});

describe("shared reads through Redis", () => {
  test("two instances reading one key at once make one upstream call; the other gets its result", async () => {
    const a = cacheOn(instance());
    const b = sameCacheOn(instance());
    const gate = deferred<Value>();
    let calls = 0;
    const fetcher = () => {
      calls += 1;
      return gate.promise;
    };
    const reads = [a.read("stack/q", fetcher), b.read("stack/q", fetcher), a.read("stack/q", fetcher)];
    // Whoever took the lock is now fetching; the others wait for its result.
    await expect.poll(() => calls).toBe(1);
    gate.resolve({ n: 7, label: "seven" });
    const results = await Promise.all(reads);
    expect(calls).toBe(1);
    expect(results.map((r) => r.value)).toEqual(Array(3).fill({ n: 7, label: "seven" }));
    expect(results.filter((r) => !r.shared)).toHaveLength(1);
    expect(new Set(results.map((r) => r.fetchedAt)).size).toBe(1);
  });

  test("a value cached by one instance is served by another without a call, with its fetchedAt", async () => {
    const a = cacheOn(instance());
    const b = sameCacheOn(instance());
    const first = await a.read("s/k", async () => ({ n: 1, label: "one" }));
    const second = await b.read("s/k", () => Promise.reject(new Error("must not be called")));
    expect(second).toEqual({ value: { n: 1, label: "one" }, fetchedAt: first.fetchedAt, shared: true });
  });

  test("an instance's copy of a value is served only while that value is current in Redis", async () => {
    const a = cacheOn(instance(), 300);
    const b = sameCacheOn(instance(), 300);
    let calls = 0;
    const fetcher = async () => ({ n: (calls += 1), label: "n" });
    await a.read("s/k", fetcher);
    expect((await b.read("s/k", fetcher)).value.n).toBe(1);
    expect((await b.read("s/k", fetcher)).value.n).toBe(1);
    await expect.poll(async () => raw.exists(`${prefix}read:cache-${cacheCount}:stamp:s/k`)).toBe(0);
    expect((await a.read("s/k", fetcher)).value.n).toBe(2);
    expect((await b.read("s/k", fetcher)).value.n).toBe(2);
    expect(calls).toBe(2);
  });

  test("failures are not cached: the next reader on any instance calls again", async () => {
    const a = cacheOn(instance());
    const b = sameCacheOn(instance());
    await expect(a.read("s/k", () => Promise.reject(new Error("502 upstream")))).rejects.toThrow("502 upstream");
    const after = await b.read("s/k", async () => ({ n: 2, label: "two" }));
    expect(after).toMatchObject({ value: { n: 2 }, shared: false });
  });

  test("a waiter reads itself as soon as the reader fails, instead of waiting for the lock to lapse", async () => {
    const a = cacheOn(instance(), 60_000);
    const b = sameCacheOn(instance(), 60_000);
    const gate = deferred<Value>();
    const leader = a.read("s/k", () => gate.promise);
    await expect.poll(async () => (await raw.keys(`${prefix}*lock*`)).length).toBe(1);
    let waiterCalls = 0;
    const waiter = b.read("s/k", async () => {
      waiterCalls += 1;
      return { n: 3, label: "three" };
    });
    gate.reject(new Error("timeout"));
    await expect(leader).rejects.toThrow("timeout");
    expect((await waiter).value).toEqual({ n: 3, label: "three" });
    expect(waiterCalls).toBe(1);
  });

  test("when the lock's holder died without a result, another instance takes over once the lock lapses", async () => {
    const b = cacheOn(instance(), 400);
    const name = `cache-${cacheCount}`;
    // A holder that took the lock and vanished: nobody will ever store a value or unlock.
    await raw.set(`${prefix}read:${name}:lock:s/k`, "dead-instance", "PX", 400);
    let calls = 0;
    const read = await b.read("s/k", async () => {
      calls += 1;
      return { n: 4, label: "four" };
    });
    expect(read).toMatchObject({ value: { n: 4 }, shared: false });
    expect(calls).toBe(1);
    expect(await raw.get(`${prefix}read:${name}:lock:s/k`)).toBeNull();
  });

  test("invalidating a scope on one instance makes the others read again; other scopes stay cached", async () => {
    const a = cacheOn(instance());
    const b = sameCacheOn(instance());
    let calls = 0;
    const fetcher = async () => ({ n: (calls += 1), label: "n" });
    await a.read("one/x", fetcher);
    await a.read("two/x", fetcher);
    expect((await b.read("one/x", fetcher)).value.n).toBe(1);
    await a.invalidate("one/");
    expect((await b.read("one/x", fetcher)).value.n).toBe(3);
    expect((await b.read("two/x", fetcher)).value.n).toBe(2);
    expect(calls).toBe(3);
  });

  test("a stored value that does not fit the schema is fetched again rather than served", async () => {
    const a = cacheOn(instance());
    const name = `cache-${cacheCount}`;
    await raw.set(`${prefix}read:${name}:stamp:s/k`, JSON.stringify({ id: "v1", generation: null }));
    await raw.set(`${prefix}read:${name}:value:s/k`, JSON.stringify({ id: "v1", fetchedAt: 1, value: { n: "x" } }));
    const read = await a.read("s/k", async () => ({ n: 5, label: "five" }));
    expect(read).toMatchObject({ value: { n: 5 }, shared: false });
  });
});

describe("limits through Redis", () => {
  test("two instances draw on one operator's allowance", async () => {
    const a = createMutationRateLimit({ perMinute: 3, spend: instance().tokenBuckets("mutations", 3) });
    const b = createMutationRateLimit({ perMinute: 3, spend: instance().tokenBuckets("mutations", 3) });
    await a.take("ada");
    await b.take("ada");
    await a.take("ada");
    await expect(b.take("ada")).rejects.toMatchObject({ type: "rate_limited", code: "mutation_rate_limited" });
    // Another operator's allowance is their own.
    await b.take("grace");
  });
});

describe("observations through Redis", () => {
  test("an instance reports the newest observation any instance offered, or its own when that is newer", async () => {
    const options = {
      name: `budget-${(cacheCount += 1)}`,
      schema: z.object({ remaining: z.number(), observedAt: z.number().nullable() }),
      observedAt: (value: { observedAt: number | null }) => value.observedAt,
      ttlMs: 10_000,
    };
    const a = instance().observation(options);
    const b = instance().observation(options);
    expect(await b.newest({ remaining: 50, observedAt: null })).toEqual({ remaining: 50, observedAt: null });
    a.offer({ remaining: 12, observedAt: 2_000 });
    await expect
      .poll(() => b.newest({ remaining: 40, observedAt: 1_000 }))
      .toEqual({ remaining: 12, observedAt: 2_000 });
    expect(await b.newest({ remaining: 9, observedAt: 3_000 })).toEqual({ remaining: 9, observedAt: 3_000 });
  });
});

describe("when Redis is unreachable", () => {
  // Nothing listens there: the connection fails as an outage would.
  const downUrl = "redis://127.0.0.1:3599";

  test("reads fall back to this instance's own single-flight, and the outage is logged once", async () => {
    const cache = cacheOn(instance(downUrl));
    let calls = 0;
    const gate = deferred<Value>();
    const reads = [
      cache.read("s/k", () => ((calls += 1), gate.promise)),
      cache.read("s/k", () => ((calls += 1), gate.promise)),
    ];
    gate.resolve({ n: 6, label: "six" });
    expect((await Promise.all(reads)).map((r) => r.value.n)).toEqual([6, 6]);
    expect(calls).toBe(1);
    await cache.invalidate("s/");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Redis is unreachable/);
  });

  test("limits still hold per instance", async () => {
    const limit = createMutationRateLimit({ perMinute: 1, spend: instance(downUrl).tokenBuckets("mutations", 1) });
    await limit.take("ada");
    await expect(limit.take("ada")).rejects.toMatchObject({ type: "rate_limited" });
  });
});

describe("pingRedis", () => {
  test("says null without Redis, true when it answers, false when it does not", async () => {
    expect(await pingRedis({ redis: null })).toBeNull();
    expect(await pingRedis({ redis: { url: TEST_REDIS_URL, keyPrefix: prefix } })).toBe(true);
    expect(await pingRedis({ redis: { url: "redis://127.0.0.1:3598", keyPrefix: prefix } })).toBe(false);
  });
});

describe("when Redis goes away and comes back", () => {
  // A Redis of this test's own (the shared one must stay up for everyone else), killed and started again.
  const port = 3550 + Math.floor(Math.random() * 40);
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  const startServer = async () => {
    server = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => 100 });
    probe.on("error", () => {});
    await expect.poll(async () => probe.ping().catch(() => "down"), { timeout: 10_000 }).toBe("PONG");
    probe.disconnect();
  };
  const stopServer = async () => {
    const running = server;
    if (running === null || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  afterAll(stopServer);

  test(
    "reads go on locally during the outage and are shared again once Redis is back",
    { timeout: 30_000 },
    async () => {
      await startServer();
      const a = cacheOn(instance(url));
      const b = sameCacheOn(instance(url));
      let calls = 0;
      const fetcher = async () => ({ n: (calls += 1), label: "n" });
      expect((await a.read("s/1", fetcher)).value.n).toBe(1);
      expect((await b.read("s/1", fetcher)).value.n).toBe(1);

      await stopServer();
      // Each instance alone: both still answer, each from its own read.
      expect((await a.read("s/2", fetcher)).shared).toBe(false);
      expect((await b.read("s/2", fetcher)).shared).toBe(false);
      expect(calls).toBe(3);
      expect(warnings.filter((w) => /unreachable/.test(w)).length).toBeGreaterThanOrEqual(1);

      await startServer();
      // Once both have reconnected, what one reads the other is served.
      await expect
        .poll(
          async () => {
            const key = `s/back-${calls}`;
            await a.read(key, fetcher);
            return (await b.read(key, fetcher)).shared;
          },
          { timeout: 15_000, interval: 250 },
        )
        .toBe(true);
    },
  );
});
