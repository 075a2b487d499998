import { afterAll, expect, test } from "vitest";
import { openRedisConnection, type RedisConnection } from "@/server/live/redis-connection";
import { redisSharedState } from "@/server/live/redis-state";
import { createRestReads } from "@/server/live/rest-reads";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";

// Two instances' REST reads on one Redis: an agent webhook reaching one drops the other's agents list too,
// and leaves the build lists alone.

const prefix = uniqueKeyPrefix("agents-read");
const connections: RedisConnection[] = [];
const logger = { warn: () => {}, info: () => {} };

function instanceReads() {
  const connection = openRedisConnection(TEST_REDIS_URL);
  connections.push(connection);
  return createRestReads({ ttlMs: 60_000, state: redisSharedState({ connection, keyPrefix: prefix, logger }) });
}

afterAll(async () => {
  for (const connection of connections) await connection.close();
  await dropKeys(prefix);
});

test("invalidateAgents on one instance makes every instance read the agents list again, and only it", async () => {
  const [a, b] = [instanceReads(), instanceReads()];
  let fetches = 0;
  const agents = () => Promise.resolve({ fetch: (fetches += 1) });
  const list = () => Promise.resolve({ builds: "first" });

  expect(await a.read(a.agentsKey("acme"), agents)).toEqual({ fetch: 1 });
  expect(await b.read(b.agentsKey("acme"), agents)).toEqual({ fetch: 1 });
  await b.read(b.listKey(["builds"]), list);

  await a.invalidateAgents("acme");
  expect(await b.read(b.agentsKey("acme"), agents)).toEqual({ fetch: 2 });
  expect(await b.read(b.listKey(["builds"]), () => Promise.resolve({ builds: "second" }))).toEqual({ builds: "first" });
});
