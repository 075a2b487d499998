import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

// The local Redis (.ci/run and the test setup start one). Each test run writes under a prefix of its
// own, deleted afterwards, so runs in parallel never see each other's keys.
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A prefix REDIS_KEY_PREFIX accepts (at most 64 characters), unique to this run. */
export function uniqueKeyPrefix(label: string): string {
  return `sc-test:${label.slice(0, 20)}:${randomBytes(8).toString("hex")}:`;
}

/** Deletes every key under `prefix` (SCAN is fine here: tests only, never a hot path). */
export async function dropKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    for (let cursor = "0", rounds = 0; rounds < 10_000; rounds++) {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === "0") break;
    }
  } finally {
    redis.disconnect();
  }
}
