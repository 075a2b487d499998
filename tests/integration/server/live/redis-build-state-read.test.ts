import { afterAll, expect, test } from "vitest";
import { openRedisConnection, type RedisConnection } from "@/server/live/redis-connection";
import { redisSharedState } from "@/server/live/redis-state";
import { createRestReads } from "@/server/live/rest-reads";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";

// Two instances' REST reads on one Redis: triage's build states are read once for both, and a build webhook
// reaching one (invalidateBuild) makes both read that build again, and only it.

const prefix = uniqueKeyPrefix("build-state-read");
const connections: RedisConnection[] = [];
const logger = { warn: () => {}, info: () => {} };

function instanceReads() {
  const connection = openRedisConnection(TEST_REDIS_URL);
  connections.push(connection);
  return createRestReads({ ttlMs: 5_000, state: redisSharedState({ connection, keyPrefix: prefix, logger }) });
}

afterAll(async () => {
  for (const connection of connections) await connection.close();
  await dropKeys(prefix);
});

test("a build's state is read once for every instance until one of them drops that build", async () => {
  const [a, b] = [instanceReads(), instanceReads()];
  let fetches = 0;
  const running = () => Promise.resolve({ id: `build-7-${(fetches += 1)}`, state: "running" });
  const other = () => Promise.resolve({ id: "build-8", state: "running" });

  expect(await a.readBuildState("acme", "web", 7, running)).toEqual({ id: "build-7-1", state: "running" });
  expect(await b.readBuildState("acme", "web", 7, running)).toEqual({ id: "build-7-1", state: "running" });
  await b.readBuildState("acme", "web", 8, other);

  await a.invalidateBuild("acme", "web", 7);
  expect(await b.readBuildState("acme", "web", 7, running)).toEqual({ id: "build-7-2", state: "running" });
  expect(await b.readBuildState("acme", "web", 8, () => Promise.resolve({ id: "build-8", state: "canceled" }))).toEqual(
    { id: "build-8", state: "running" },
  );
  expect(fetches).toBe(2);
});
