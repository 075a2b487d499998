import { afterAll, describe, expect, test } from "vitest";
import { Redis } from "ioredis";
import { openRedisConnection, type RedisConnection } from "@/server/live/redis-connection";
import { redisSharedState } from "@/server/live/redis-state";
import type { SharedState } from "@/server/live/shared-state";
import { claimDelivery } from "@/server/webhooks/deduplicate";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";

// claimOnce through the real Redis: two adapters on two connections stand for two console instances. Each
// test writes under a key prefix of its own, so none sees another's claims.

const connections: RedisConnection[] = [];
const prefixes: string[] = [];
const warnings: string[] = [];
const logger = { warn: (_fields: object, message: string) => void warnings.push(message), info: () => {} };

function instances(count: number, url = TEST_REDIS_URL): { prefix: string; states: SharedState[] } {
  const prefix = uniqueKeyPrefix("claim-once");
  prefixes.push(prefix);
  const states = Array.from({ length: count }, () => {
    const connection = openRedisConnection(url);
    connections.push(connection);
    return redisSharedState({ connection, keyPrefix: prefix, logger });
  });
  return { prefix, states };
}

const raw = new Redis(TEST_REDIS_URL);
afterAll(async () => {
  for (const connection of connections) await connection.close();
  raw.disconnect();
  for (const prefix of prefixes) await dropKeys(prefix);
});

describe("claimOnce through Redis", () => {
  test("of two instances claiming one key at once, exactly one gets it; the other refuses it later too", async () => {
    const {
      states: [a, b],
    } = instances(2);
    const claims = await Promise.all([a!.claimOnce("d", "k", 60_000), b!.claimOnce("d", "k", 60_000)]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await a!.claimOnce("d", "k", 60_000)).toBe(false);
    expect(await b!.claimOnce("d", "k", 60_000)).toBe(false);
  });

  test("the claim is one key under the prefix, expiring after the TTL", async () => {
    const {
      prefix,
      states: [a],
    } = instances(1);
    expect(await a!.claimOnce("webhook-delivery", "abc", 60_000)).toBe(true);
    expect(await raw.get(`${prefix}once:webhook-delivery:abc`)).toBe("1");
    const ttl = await raw.pttl(`${prefix}once:webhook-delivery:abc`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  test("once the claim has expired it can be claimed again, from any instance", async () => {
    const {
      states: [a, b],
    } = instances(2);
    expect(await a!.claimOnce("d", "short", 50)).toBe(true);
    await expect.poll(() => b!.claimOnce("d", "short", 60_000), { timeout: 5_000, interval: 25 }).toBe(true);
    expect(await a!.claimOnce("d", "short", 60_000)).toBe(false);
  });

  test("names keep their claims apart", async () => {
    const {
      states: [a],
    } = instances(1);
    expect(await a!.claimOnce("one", "k", 60_000)).toBe(true);
    expect(await a!.claimOnce("two", "k", 60_000)).toBe(true);
  });

  test("a webhook delivery received by one instance is a duplicate on the other", async () => {
    const {
      states: [a, b],
    } = instances(2);
    const body = Buffer.from('{"event":"job.scheduled","job":{"id":"j1"}}');
    expect(await claimDelivery(a!, "job.scheduled", body)).toBe(true);
    expect(await claimDelivery(b!, "job.scheduled", body)).toBe(false);
  });
});

describe("claimOnce while Redis is unreachable", () => {
  test("fails open to this instance's own claims, and says so in the log", async () => {
    warnings.length = 0;
    // Nothing listens there: the connection fails as an outage would.
    const {
      states: [a],
    } = instances(1, "redis://127.0.0.1:3597");
    expect(await a!.claimOnce("d", "k", 60_000)).toBe(true);
    expect(await a!.claimOnce("d", "k", 60_000)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Redis is unreachable/);
  });
});
