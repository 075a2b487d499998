import "server-only";
import { RedisUnavailableError } from "./redis-connection";

/** The two lines of the log an outage writes (a pino logger is one). */
export interface OutageLogger {
  warn(fields: object, message: string): void;
  info(message: string): void;
}

/**
 * Says once when Redis stops answering and once when it answers again, not once per request: during an
 * outage every read would otherwise log. The reason is the client's message (an address at most, never
 * the URL, which may hold a password).
 */
export function outageReporter(logger: OutageLogger) {
  let down = false;
  return {
    failed(error: unknown) {
      if (down) return;
      down = true;
      const cause = error instanceof RedisUnavailableError ? error.cause : error;
      logger.warn(
        { reason: cause instanceof Error ? cause.message : "unknown" },
        "Redis is unreachable: this instance reads Buildkite and counts limits on its own until it is back",
      );
    },
    succeeded() {
      if (!down) return;
      down = false;
      logger.info("Redis is reachable again: reads and limits are shared between instances again");
    },
  };
}

export type OutageReporter = ReturnType<typeof outageReporter>;

/** Runs one Redis step; any failure of it becomes a RedisUnavailableError, reported as an outage. */
export async function redisStep<T>(outage: OutageReporter, step: () => Promise<T>): Promise<T> {
  try {
    const result = await step();
    outage.succeeded();
    return result;
  } catch (error) {
    const unavailable = error instanceof RedisUnavailableError ? error : new RedisUnavailableError(error);
    outage.failed(unavailable);
    throw unavailable;
  }
}
