import "server-only";
import { Redis } from "ioredis";

// One Redis connection per process, opened on first use. Commands fail at once while it is down (no
// offline queue): every caller falls back to this instance's own state, and a request must never wait on
// a Redis that is gone. ioredis keeps reconnecting in the background, so sharing resumes by itself.

/** Bounds one command; a Redis that answers slower than this is treated as down for that call. */
const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;

export class RedisUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Redis is unreachable", { cause });
    this.name = "RedisUnavailableError";
  }
}

export interface RedisConnection {
  client: Redis;
  /** Resolves once connected; rejects with RedisUnavailableError if the first connection fails. */
  ready(): Promise<Redis>;
  close(): Promise<void>;
}

export function openRedisConnection(url: string): RedisConnection {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Reconnect forever, at most every 2 s: the console outlives any Redis outage.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Without a listener an emitted error would crash the process; outages are reported by the callers
  // that fall back, once per outage, not per reconnect attempt.
  client.on("error", () => {});
  let connecting: Promise<void> | null = null;
  return {
    client,
    async ready() {
      if (client.status === "ready") return client;
      if (client.status === "wait") connecting ??= client.connect();
      try {
        if (connecting) await connecting;
      } catch (error) {
        throw new RedisUnavailableError(error);
      }
      // Read again: connecting above may have changed it.
      const status: string = client.status;
      if (status !== "ready") throw new RedisUnavailableError(new Error(`connection is ${status}`));
      return client;
    },
    async close() {
      client.disconnect();
    },
  };
}

// On globalThis so that Next's separately bundled route and page modules share the one connection.
const holder = globalThis as typeof globalThis & { __stackConsoleRedis?: { url: string; connection: RedisConnection } };

/** The process's connection to `url`, created on first use. */
export function redisConnection(url: string): RedisConnection {
  if (holder.__stackConsoleRedis?.url !== url) {
    void holder.__stackConsoleRedis?.connection.close();
    holder.__stackConsoleRedis = { url, connection: openRedisConnection(url) };
  }
  return holder.__stackConsoleRedis.connection;
}

/** Round-trips a PING; false when Redis is unreachable. */
export async function redisAnswers(connection: RedisConnection): Promise<boolean> {
  try {
    return (await (await connection.ready()).ping()) === "PONG";
  } catch {
    return false;
  }
}
