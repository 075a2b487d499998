import "server-only";
import { ConsoleError } from "./route-kit/console-error";

/**
 * A token bucket per operator for the console's writes: a burst as large as a minute's allowance, refilled
 * evenly. It stops a runaway script or a stuck key from hammering Buildkite in someone's name; an operator
 * clearing a backlog by hand stays far below it (bulk actions are one request).
 */
export function createMutationRateLimit({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;

  return {
    /** Spends one of the operator's mutations, or throws `rate_limited` saying when the next is allowed. */
    take(operatorId: string): void {
      const time = now();
      const bucket = buckets.get(operatorId) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * refillPerMs);
      bucket.at = time;
      buckets.set(operatorId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      throw new ConsoleError(
        "rate_limited",
        `Too many changes in a short time: at most ${perMinute} a minute. Try again in ${retryAfterSeconds} s.`,
        "mutation_rate_limited",
        {
          source: "console",
          retryAfterSeconds,
        },
      );
    },
  };
}

export type MutationRateLimit = ReturnType<typeof createMutationRateLimit>;
