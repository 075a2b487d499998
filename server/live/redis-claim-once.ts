import "server-only";
import { localClaims } from "./claim-once";
import type { RedisConnection } from "./redis-connection";
import { redisStep, type OutageReporter } from "./redis-outage";

/**
 * One-time claims shared by every instance: `SET key 1 NX PX ttl` succeeds for exactly one of them. While
 * Redis is unreachable this instance's own claims decide instead (fail open, like the reads and limits):
 * a repeat that lands on another instance then gets through, which costs a refresh; refusing a first
 * delivery would lose one.
 */
export function redisClaimOnce({
  connection,
  keyPrefix,
  outage,
}: {
  connection: RedisConnection;
  keyPrefix: string;
  outage: OutageReporter;
}): (name: string, key: string, ttlMs: number) => Promise<boolean> {
  const local = localClaims();
  return async (name, key, ttlMs) => {
    try {
      const reply = await redisStep(outage, async () =>
        (await connection.ready()).set(`${keyPrefix}once:${name}:${key}`, "1", "PX", ttlMs, "NX"),
      );
      return reply === "OK";
    } catch {
      return local(name, key, ttlMs);
    }
  };
}
