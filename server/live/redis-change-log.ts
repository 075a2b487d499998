import "server-only";
import type { Redis } from "ioredis";
import { z } from "zod";
import { changeSetSchema, type ChangeSet } from "@/lib/schemas/change-sets";
import { CHANGE_LOG_LENGTH, changesAfter, memoryChangeLog, type ChangeListener, type ChangeLog } from "./change-log";
import type { RedisConnection } from "./redis-connection";
import { redisStep, type OutageReporter } from "./redis-outage";
import type { FeedState } from "./snapshot-diff";

// Compare-and-set, keep and publish in one step: no instance ever sees a change published that is not yet
// kept for resumes, and two instances that read at once cannot both commit a successor of one version.
const COMMIT = `
local current = redis.call('HGET', KEYS[1], 'version')
if (current or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
if ARGV[4] ~= '' then
  redis.call('RPUSH', KEYS[2], ARGV[4])
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[6]), -1)
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
  redis.call('PUBLISH', ARGV[5], ARGV[8])
end
return 1
`;

/** A queue nobody watched for an hour starts its history over; versions still only grow. */
const KEPT_MS = 60 * 60 * 1000;

const feedStateSchema = z.object({
  version: z.number().int(),
  fingerprints: z.record(z.string(), z.string()),
  dispatchPaused: z.boolean(),
  complete: z.boolean(),
}) satisfies z.ZodType<FeedState>;

function parseChange(text: string): ChangeSet | null {
  try {
    const parsed = changeSetSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The change log in Redis, heard by every instance through one pub/sub channel. While Redis is unreachable
 * each instance keeps its own log (browsers see a version they cannot continue and read the list again,
 * once), and goes back to the shared one when Redis answers.
 */
export function redisChangeLog({
  connection,
  keyPrefix,
  outage,
}: {
  connection: RedisConnection;
  keyPrefix: string;
  outage: OutageReporter;
}): ChangeLog {
  const fallback = memoryChangeLog();
  const channel = `${keyPrefix}feed`;
  const stateKey = (topic: string) => `${keyPrefix}feed:state:${topic}`;
  const logKey = (topic: string) => `${keyPrefix}feed:log:${topic}`;
  // The last state read or committed per topic: most reads then fetch a version number, not 150 KB.
  const known = new Map<string, FeedState>();
  const listeners = new Set<ChangeListener>();
  let subscriber: Redis | null = null;

  const shared = <T>(step: (client: Redis) => Promise<T>) =>
    redisStep(outage, async () => step(await connection.ready()));

  function listen() {
    // A subscribed connection can do nothing else, so it is its own. It queues the SUBSCRIBE until it
    // connects and subscribes again after every reconnect; what was published meanwhile is lost, and the
    // browsers that missed it see a gap in the versions and catch up.
    const listening = connection.client.duplicate({ lazyConnect: false, enableOfflineQueue: true });
    subscriber = listening;
    listening.on("error", () => {});
    // Closing the connection (a test, a shutdown) closes its subscriber too.
    connection.client.once("end", () => listening.disconnect());
    listening.on("message", (from: string, message: string) => {
      if (from !== channel) return;
      const split = message.indexOf("\n");
      let topic: unknown;
      try {
        topic = JSON.parse(message.slice(0, split));
      } catch {
        return;
      }
      const text = message.slice(split + 1);
      const change = parseChange(text);
      if (typeof topic !== "string" || change === null) return;
      for (const listener of listeners) listener(topic, change, text);
    });
    void listening.subscribe(channel).catch(() => undefined);
  }

  return {
    async state(topic) {
      try {
        return await shared(async (client) => {
          const version = await client.hget(stateKey(topic), "version");
          if (version === null) return null;
          const local = known.get(topic);
          if (local !== undefined && String(local.version) === version) return local;
          const text = await client.hget(stateKey(topic), "state");
          const parsed = text === null ? null : feedStateSchema.safeParse(JSON.parse(text));
          if (!parsed?.success) return null;
          known.set(topic, parsed.data);
          return parsed.data;
        });
      } catch {
        return fallback.state(topic);
      }
    },
    async commit(topic, expected, next, change) {
      const text = change === null ? "" : JSON.stringify(change);
      try {
        const reply = await shared((client) =>
          client.eval(
            COMMIT,
            2,
            stateKey(topic),
            logKey(topic),
            expected === null ? "" : String(expected),
            String(next.version),
            JSON.stringify(next),
            text,
            channel,
            String(CHANGE_LOG_LENGTH),
            String(KEPT_MS),
            `${JSON.stringify(topic)}\n${text}`,
          ),
        );
        if (reply !== 1) return false;
        known.set(topic, next);
        return true;
      } catch {
        return fallback.commit(topic, expected, next, change);
      }
    },
    async since(topic, version) {
      try {
        return await shared(async (client) => {
          const [current, texts] = await Promise.all([
            client.hget(stateKey(topic), "version"),
            client.lrange(logKey(topic), 0, -1),
          ]);
          if (current === null) return null;
          const kept = texts.map(parseChange);
          if (kept.some((change) => change === null)) return null;
          return changesAfter(kept as ChangeSet[], Number(current), version);
        });
      } catch {
        return fallback.since(topic, version);
      }
    },
    subscribe(listener) {
      if (subscriber === null) listen();
      listeners.add(listener);
      const fromFallback = fallback.subscribe(listener);
      return () => {
        listeners.delete(listener);
        fromFallback();
      };
    },
  };
}
