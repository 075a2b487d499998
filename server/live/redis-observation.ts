import "server-only";
import type { RedisConnection } from "./redis-connection";
import { redisStep, type OutageReporter } from "./redis-outage";
import type { SharedObservation, SharedObservationOptions } from "./shared-state";

/**
 * The newest observation any instance offered, kept in one Redis key. Each offer is a fresh observation,
 * so the last one written is the newest (within the clock skew of the instances); reads still compare it
 * with this instance's own. When Redis is unreachable an instance knows only its own.
 */
export function redisObservation<T>(
  options: SharedObservationOptions<T> & { connection: RedisConnection; keyPrefix: string; outage: OutageReporter },
): SharedObservation<T> {
  const { connection, outage, schema, observedAt } = options;
  const key = `${options.keyPrefix}observation:${options.name}`;
  return {
    offer(value) {
      void redisStep(outage, async () =>
        (await connection.ready()).set(key, JSON.stringify(value), "PX", options.ttlMs),
      ).catch(() => undefined);
    },
    async newest(local) {
      let stored: string | null;
      try {
        stored = await redisStep(outage, async () => (await connection.ready()).get(key));
      } catch {
        return local;
      }
      if (stored === null) return local;
      let shared: T;
      try {
        const parsed = schema.safeParse(JSON.parse(stored));
        if (!parsed.success) return local;
        shared = parsed.data;
      } catch {
        return local;
      }
      return (observedAt(shared) ?? -Infinity) > (observedAt(local) ?? -Infinity) ? shared : local;
    },
  };
}
