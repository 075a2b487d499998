import "server-only";
import { z } from "zod";
import type { RedisConnection } from "./redis-connection";
import { redisStep, type OutageReporter } from "./redis-outage";
import { tokenBuckets, type Spend } from "./token-buckets";

// The same bucket as token-buckets.ts, kept in a Redis hash and spent atomically by a script, so every
// instance draws from one allowance. Redis's clock is the only one used: instances' clocks may disagree.
const TAKE_TOKEN = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local capacity = tonumber(ARGV[1])
local refillPerMs = capacity / 60000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * refillPerMs)
local wait = -1
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / refillPerMs / 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- A bucket untouched for a minute is full again, which is what a missing key means.
redis.call('PEXPIRE', KEYS[1], 61000)
return wait
`;

const waitReply = z.number().int().min(-1);

/**
 * Buckets shared through Redis. When Redis cannot be reached the bucket of this process is spent instead:
 * limits then hold per instance, which still stops a runaway script, and nobody is refused for an outage.
 */
export function redisTokenBuckets({
  connection,
  key,
  perMinute,
  outage,
}: {
  connection: RedisConnection;
  key: (id: string) => string;
  perMinute: number;
  outage: OutageReporter;
}): Spend {
  const local = tokenBuckets({ perMinute, now: Date.now });
  return async (id) => {
    try {
      const reply = await redisStep(outage, async () =>
        (await connection.ready()).eval(TAKE_TOKEN, 1, key(id), String(perMinute)),
      );
      const wait = waitReply.parse(reply);
      return wait === -1 ? null : wait;
    } catch {
      return local(id);
    }
  };
}
