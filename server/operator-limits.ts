import "server-only";
import { tokenBuckets, type Spend } from "./live/token-buckets";
import { ConsoleError } from "./route-kit/console-error";

// Per-operator token buckets: a burst as large as a minute's allowance, refilled evenly. They live in this
// process unless `spend` is given: with Redis, the runtime passes buckets every instance shares, so
// running several instances does not multiply anyone's allowance.

interface LimitOptions {
  perMinute: number;
  now?: () => number;
  spend?: Spend;
}

function limited(message: string, code: string, retryAfterSeconds: number): ConsoleError {
  return new ConsoleError("rate_limited", `${message} Try again in ${retryAfterSeconds} s.`, code, {
    source: "console",
    retryAfterSeconds,
  });
}

/** Throws when `wait` says no token was left; stays synchronous for synchronous buckets. */
function enforce(wait: number | null | Promise<number | null>, refuse: (seconds: number) => ConsoleError) {
  const check = (seconds: number | null) => {
    if (seconds !== null) throw refuse(seconds);
  };
  return wait instanceof Promise ? wait.then(check) : check(wait);
}

/**
 * The console's writes per operator. It stops a runaway script or a stuck key from hammering Buildkite in
 * someone's name; an operator clearing a backlog by hand stays far below it (bulk actions are one request).
 */
export function createMutationRateLimit({ perMinute, now = Date.now, spend }: LimitOptions) {
  const take = spend ?? tokenBuckets({ perMinute, now });
  return {
    /** Spends one of the operator's mutations, or throws `rate_limited` saying when the next is allowed. */
    take(operatorId: string): void | Promise<void> {
      return enforce(take(operatorId), (wait) =>
        limited(`Too many changes in a short time: at most ${perMinute} a minute.`, "mutation_rate_limited", wait),
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
export function createReadShare({ perMinute, now = Date.now, spend }: LimitOptions) {
  const take = spend ?? tokenBuckets({ perMinute, now });
  return {
    /** Spends one of the viewer's upstream reads, or throws `rate_limited` saying when the next is allowed. */
    take(operatorId: string): void | Promise<void> {
      return enforce(take(operatorId), (wait) =>
        limited(
          `You are reading from Buildkite faster than your share of the console's budget (${perMinute} reads a minute).`,
          "read_share_exhausted",
          wait,
        ),
      );
    },
  };
}

export type ReadShare = ReturnType<typeof createReadShare>;
