import "server-only";

/**
 * Spends one of `id`'s tokens: null when one was left, else how many seconds until one is. Synchronous for
 * this process's own buckets, a promise when the buckets are shared between instances.
 */
export type Spend = (id: string) => number | null | Promise<number | null>;

/** Per-id token buckets in this process: a burst as large as a minute's allowance, refilled evenly. */
export function tokenBuckets({ perMinute, now }: { perMinute: number; now: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
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
