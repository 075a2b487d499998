import "server-only";
import type { z } from "zod";
import { memoryChangeLog, type ChangeLog } from "./change-log";
import { localClaims } from "./claim-once";
import { createSharedRead, type SharedValue } from "./shared-read";
import { tokenBuckets, type Spend } from "./token-buckets";

// What instances of the console share: the single-flight and cached snapshots of upstream reads, and the
// token buckets behind the per-operator limits, and one-time claims (a webhook delivery handled once). One interface, two implementations: this process's memory
// (one instance, or no REDIS_URL: the console as it always was) and Redis (server/live/redis-state.ts).

export interface SharedReadOptions<T> {
  /** Names this cache among the others: keys of different caches never meet. */
  name: string;
  ttlMs: number;
  maxEntries?: number;
  /** Checks a value read back from another instance; it must accept what the fetcher returns. */
  schema: z.ZodType<T>;
  /**
   * The part of a key that `invalidate` is called with. Across instances, invalidating is a generation
   * counter per scope (no key scan on a hot path), so an invalidation prefix must be exactly a scope.
   */
  scopeOf: (key: string) => string;
  now?: () => number;
}

export interface SharedRead<T> {
  read(key: string, fetcher: () => Promise<T>): Promise<SharedValue<T>>;
  /** Forgets the values of one scope (see SharedReadOptions.scopeOf), here and on every other instance. */
  invalidate(scope: string): Promise<void>;
}

/** Something each instance observes now and then, of which the newest observation anywhere is wanted. */
export interface SharedObservation<T> {
  /** Offers this instance's latest observation to the others; never fails, never waits. */
  offer(value: T): void;
  /** The newer of `local` (this instance's) and the newest any instance offered. */
  newest(local: T): Promise<T>;
}

export interface SharedObservationOptions<T> {
  name: string;
  schema: z.ZodType<T>;
  observedAt: (value: T) => number | null;
  /** How long an offered observation is worth keeping. */
  ttlMs: number;
}

export interface SharedState {
  readonly kind: "memory" | "redis";
  sharedRead<T>(options: SharedReadOptions<T>): SharedRead<T>;
  /** Per-id token buckets of `perMinute` under `name`, shared by every instance that uses the same state. */
  tokenBuckets(name: string, perMinute: number): Spend;
  observation<T>(options: SharedObservationOptions<T>): SharedObservation<T>;
  /** The versioned changes of every queue the console streams; one per state, heard by every instance. */
  readonly changes: ChangeLog;
  /**
   * True for the first caller, on any instance, to claim `key` under `name` within `ttlMs`; false for every
   * later one until the claim expires. Fails open: if the shared store cannot be reached, this instance's
   * own claims decide, so an outage can let a repeat through but never refuses a first.
   */
  claimOnce(name: string, key: string, ttlMs: number): Promise<boolean>;
}

/** This process's memory: what every instance did on its own before there was Redis. */
export function memorySharedState(now: () => number = Date.now): SharedState {
  const claims = localClaims({ now });
  return {
    kind: "memory",
    sharedRead<T>(options: SharedReadOptions<T>): SharedRead<T> {
      const local = createSharedRead<T>(options);
      return {
        read: local.read,
        invalidate: async (scope) => local.invalidate(scope),
      };
    },
    tokenBuckets: (_name, perMinute) => tokenBuckets({ perMinute, now }),
    // One instance: its own observation is the newest there is.
    observation: () => ({ offer: () => {}, newest: async (local) => local }),
    changes: memoryChangeLog(),
    claimOnce: async (name, key, ttlMs) => claims(name, key, ttlMs),
  };
}
