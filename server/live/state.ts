import "server-only";
import { config, type Config } from "../config";
import { registerReadinessCheck } from "../health/readiness-checks";
import { log } from "../log";
import { redisAnswers, redisConnection } from "./redis-connection";
import { redisSharedState } from "./redis-state";
import { memorySharedState, type SharedState } from "./shared-state";

/** Redis when REDIS_URL is set, else this process's memory. */
export function sharedStateFor(cfg: Pick<Config, "redis">): SharedState {
  if (cfg.redis === null) return memorySharedState();
  const connection = redisConnection(cfg.redis.url);
  // Registered here, as the runtime is built at start-up: readiness knows of Redis before any request.
  registerReadinessCheck("redis", async () => ((await redisAnswers(connection)) ? "ok" : "unreachable"));
  return redisSharedState({
    connection,
    keyPrefix: cfg.redis.keyPrefix,
    logger: log().child({ component: "shared-state" }),
  });
}

/** For readiness: null when no Redis is configured, else whether it answers a PING. Says nothing of where. */
export async function pingRedis(cfg: Pick<Config, "redis"> = config()): Promise<boolean | null> {
  if (cfg.redis === null) return null;
  return redisAnswers(redisConnection(cfg.redis.url));
}
