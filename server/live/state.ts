import "server-only";
import { config, type Config } from "../config";
import { log } from "../log";
import { redisAnswers, redisConnection } from "./redis-connection";
import { redisSharedState } from "./redis-state";
import { memorySharedState, type SharedState } from "./shared-state";

/** Redis when REDIS_URL is set, else this process's memory. */
export function sharedStateFor(cfg: Pick<Config, "redis">): SharedState {
  if (cfg.redis === null) return memorySharedState();
  return redisSharedState({
    connection: redisConnection(cfg.redis.url),
    keyPrefix: cfg.redis.keyPrefix,
    logger: log().child({ component: "shared-state" }),
  });
}

/** For readiness: null when no Redis is configured, else whether it answers a PING. Says nothing of where. */
export async function pingRedis(cfg: Pick<Config, "redis"> = config()): Promise<boolean | null> {
  if (cfg.redis === null) return null;
  return redisAnswers(redisConnection(cfg.redis.url));
}
