import "server-only";
import { ConsoleError } from "./route-kit/console-error";

// Per-operator token buckets: a burst as large as a minute's allowance, refilled evenly.

function tokenBuckets({ perMinute, now }: { perMinute: number; now: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  /** Spends one token of `id`'s; when none is left, how many seconds until one is. */
  return (id: string): number | null => {
    const time = now();
    const bucket = buckets.get(id) ?? { tokens: perMinute, at: time };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * refillPerMs);
    bucket.at = time;
    buckets.set(id, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
  };
}

function limited(message: string, code: string, retryAfterSeconds: number): ConsoleError {
  return new ConsoleError("rate_limited", `${message} Try again in ${retryAfterSeconds} s.`, code, {
    source: "console",
    retryAfterSeconds,
  });
}

/**
 * The console's writes per operator. It stops a runaway script or a stuck key from hammering Buildkite in
 * someone's name; an operator clearing a backlog by hand stays far below it (bulk actions are one request).
 */
export function createMutationRateLimit({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }) {
  const take = tokenBuckets({ perMinute, now });
  return {
    /** Spends one of the operator's mutations, or throws `rate_limited` saying when the next is allowed. */
    take(operatorId: string): void {
      const wait = take(operatorId);
      if (wait !== null)
        throw limited(
          `Too many changes in a short time: at most ${perMinute} a minute.`,
          "mutation_rate_limited",
          wait,
        );
    },
  };
}

export type MutationRateLimit = ReturnType<typeof createMutationRateLimit>;

/**
 * Each viewer's share of the REST API budget, which is one user's (50 requests a minute) however many
 * people use the console: a viewer's reads that reach Buildkite spend their share, reads served from what
 * another viewer already fetched cost nothing. One person reading fast can then never starve the rest.
 */
export function createReadShare({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }) {
  const take = tokenBuckets({ perMinute, now });
  return {
    /** Spends one of the viewer's upstream reads, or throws `rate_limited` saying when the next is allowed. */
    take(operatorId: string): void {
      const wait = take(operatorId);
      if (wait !== null) {
        throw limited(
          `You are reading from Buildkite faster than your share of the console's budget (${perMinute} reads a minute).`,
          "read_share_exhausted",
          wait,
        );
      }
    },
  };
}

export type ReadShare = ReturnType<typeof createReadShare>;
