import "server-only";
import { redisChangeLog } from "./redis-change-log";
import { redisClaimOnce } from "./redis-claim-once";
import type { RedisConnection } from "./redis-connection";
import { redisObservation } from "./redis-observation";
import { outageReporter, type OutageLogger } from "./redis-outage";
import { redisSharedRead } from "./redis-shared-read";
import { redisTokenBuckets } from "./redis-token-buckets";
import type { SharedState } from "./shared-state";

/**
 * State shared through Redis by every instance configured with the same URL and key prefix. When Redis is
 * unreachable each instance falls back to its own memory and keeps serving (with a warning in the log):
 * for a console used during incidents, answering with one upstream call per instance beats refusing to
 * answer, and that is exactly what a single instance always cost.
 */
export function redisSharedState({
  connection,
  keyPrefix,
  logger,
}: {
  connection: RedisConnection;
  keyPrefix: string;
  logger: OutageLogger;
}): SharedState {
  const outage = outageReporter(logger);
  return {
    kind: "redis",
    sharedRead: (options) => redisSharedRead({ ...options, connection, keyPrefix, outage }),
    tokenBuckets: (name, perMinute) =>
      redisTokenBuckets({ connection, perMinute, outage, key: (id) => `${keyPrefix}bucket:${name}:${id}` }),
    observation: (options) => redisObservation({ ...options, connection, keyPrefix, outage }),
    changes: redisChangeLog({ connection, keyPrefix, outage }),
    claimOnce: redisClaimOnce({ connection, keyPrefix, outage }),
  };
}
