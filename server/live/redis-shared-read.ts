import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { RedisConnection } from "./redis-connection";
import { RedisUnavailableError } from "./redis-connection";
import { redisStep, type OutageReporter } from "./redis-outage";
import { createSharedRead, type SharedValue } from "./shared-read";
import type { SharedRead, SharedReadOptions } from "./shared-state";

// One instance reads Buildkite per key and TTL; the others take its result. The reader holds a lock
// (SET NX PX) while it fetches, then stores the value as JSON with the generation of its scope and when it
// was fetched, beside a small stamp naming that value. Every read checks the stamp and the generation (one
// small MGET) and parses the value only when it is not the one it already holds: a 1000-job snapshot is
// moved and validated once per instance and TTL, not once per viewer. Others poll for that value (a GET
// every few tens of milliseconds costs Redis nothing next to a Buildkite call, and needs no second
// connection for pub/sub). If the reader dies, its lock expires
// within one TTL and the next poller takes over; if it fails, it drops the lock at once and failures are
// never stored, so the next caller tries again.

/** How often a waiting instance looks for the reader's result. */
export const POLL_MS = 25;
/** A lock outlives a fetch by at most this much past the TTL, so a slow or dead reader is replaced soon. */
const MAX_LOCK_MS = 15_000;

const GENERATION_TTL_MS = 24 * 60 * 60_000;

const UNLOCK_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

interface Fetched<T> {
  value: T;
  fetchedAt: number;
  /** True when this instance called the fetcher. */
  fetched: boolean;
}

export function redisSharedRead<T>(
  options: SharedReadOptions<T> & { connection: RedisConnection; keyPrefix: string; outage: OutageReporter },
): SharedRead<T> {
  const { connection, outage, scopeOf } = options;
  const now = options.now ?? Date.now;
  const lockTtlMs = Math.min(options.ttlMs, MAX_LOCK_MS);
  const base = `${options.keyPrefix}read:${options.name}:`;
  const keys = (key: string) => ({
    generation: `${base}gen:${scopeOf(key)}`,
    value: `${base}value:${key}`,
    stamp: `${base}stamp:${key}`,
    lock: `${base}lock:${key}`,
  });
  const stampSchema = z.object({ id: z.string(), generation: z.string().nullable() });
  const entrySchema = z.object({ id: z.string(), fetchedAt: z.number(), value: options.schema });
  type Entry = z.infer<typeof entrySchema>;
  // The values this instance last fetched or read back, by key; served while their stamp is current.
  const copies = new Map<string, Entry>();
  const maxCopies = options.maxEntries ?? 256;
  function remember(key: string, entry: Entry) {
    copies.delete(key);
    copies.set(key, entry);
    for (const oldest of copies.keys()) {
      if (copies.size <= maxCopies) break;
      copies.delete(oldest);
    }
  }
  // Joins callers of this instance to one Redis round (and at most one fetch); when Redis is down it is
  // all there is, as it was before instances shared anything.
  const inFlight = new Map<string, Promise<Fetched<T>>>();
  const local = createSharedRead<T>(options);

  const step = <R>(work: (redis: Awaited<ReturnType<RedisConnection["ready"]>>) => Promise<R>) =>
    redisStep(outage, async () => work(await connection.ready()));

  /** What Redis holds, if it parses; a value this version cannot read (another version's, mid-deploy) is none. */
  function parse<S extends z.ZodType>(schema: S, text: string | null): z.infer<S> | null {
    if (text === null) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function lead(key: string, generation: string | null, token: string, fetcher: () => Promise<T>) {
    const k = keys(key);
    const release = () => step((redis) => redis.eval(UNLOCK_IF_OURS, 1, k.lock, token)).catch(() => undefined);
    let value: T;
    try {
      value = await fetcher();
    } catch (error) {
      await release();
      throw error;
    }
    const entry = { id: token, fetchedAt: now(), value };
    remember(key, entry);
    // Storing is best effort: the caller has its value; the others fetch themselves when the lock lapses.
    await step((redis) =>
      redis
        .multi()
        .set(k.value, JSON.stringify(entry), "PX", options.ttlMs)
        .set(k.stamp, JSON.stringify({ id: token, generation }), "PX", options.ttlMs)
        .exec(),
    ).catch(() => undefined);
    await release();
    return { value, fetchedAt: entry.fetchedAt, fetched: true };
  }

  async function readShared(key: string, fetcher: () => Promise<T>): Promise<Fetched<T>> {
    const k = keys(key);
    // Bounded: a lock lapses within lockTtlMs, after which the loop takes it; the bound only stops a loop
    // that keeps losing the race for the lock to ever newer readers.
    const maxRounds = Math.ceil((2 * lockTtlMs) / POLL_MS) + 4;
    for (let round = 0; round < maxRounds; round++) {
      const [generation = null, stampText = null, lock = null] = await step((redis) =>
        redis.mget(k.generation, k.stamp, k.lock),
      );
      const stamp = parse(stampSchema, stampText);
      if (stamp && stamp.generation === generation) {
        const held = copies.get(key);
        const entry = held?.id === stamp.id ? held : parse(entrySchema, await step((redis) => redis.get(k.value)));
        if (entry?.id === stamp.id) {
          remember(key, entry);
          return { value: entry.value, fetchedAt: entry.fetchedAt, fetched: false };
        }
      }
      if (lock === null) {
        const token = randomUUID();
        const taken = await step((redis) => redis.set(k.lock, token, "PX", lockTtlMs, "NX"));
        if (taken === "OK") return lead(key, generation, token, fetcher);
      }
      await sleep(POLL_MS);
    }
    const fetchedAt = now();
    return { value: await fetcher(), fetchedAt, fetched: true };
  }

  return {
    async read(key, fetcher): Promise<SharedValue<T>> {
      let pending = inFlight.get(key);
      const joined = pending !== undefined;
      if (!pending) {
        pending = readShared(key, fetcher).finally(() => {
          if (inFlight.get(key) === pending) inFlight.delete(key);
        });
        inFlight.set(key, pending);
      }
      try {
        const result = await pending;
        return { value: result.value, fetchedAt: result.fetchedAt, shared: joined || !result.fetched };
      } catch (error) {
        if (!(error instanceof RedisUnavailableError)) throw error;
        return local.read(key, fetcher);
      }
    },
    async invalidate(scope) {
      for (const key of inFlight.keys()) if (scopeOf(key) === scope) inFlight.delete(key);
      local.invalidate(scope);
      // Without Redis, the other instances' values expire within their TTL; nothing more can be done.
      const generation = `${base}gen:${scope}`;
      // Counters of scopes nobody writes to any more (old builds) go away; a lost counter only costs a
      // value stored under it one extra read.
      await step((redis) => redis.multi().incr(generation).pexpire(generation, GENERATION_TTL_MS).exec()).catch(
        () => undefined,
      );
    },
  };
}
