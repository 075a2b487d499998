import { afterAll, describe, expect, test } from "vitest";
import type { ChangeSet } from "@/lib/schemas/change-sets";
import { openRedisConnection, type RedisConnection } from "@/server/live/redis-connection";
import { redisSharedState } from "@/server/live/redis-state";
import { recordSnapshot } from "@/server/live/record-snapshot";
import type { SharedState } from "@/server/live/shared-state";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";
import { scheduledJob } from "../../../support/scheduled-jobs";

// Two adapters on two connections stand for two console instances sharing one Redis: a change committed
// by either is kept once, heard by both, and resumable from both.

const prefix = uniqueKeyPrefix("changes");
const connections: RedisConnection[] = [];
const logger = { warn: () => {}, info: () => {} };

function instance(url = TEST_REDIS_URL): SharedState {
  const connection = openRedisConnection(url);
  connections.push(connection);
  return redisSharedState({ connection, keyPrefix: prefix, logger });
}

afterAll(async () => {
  for (const connection of connections) await connection.close();
  await dropKeys(prefix);
});

let topics = 0;
const read = (topic: string, jobs: number[]) => ({
  topic,
  queueKey: "q",
  jobs: jobs.map((n) => scheduledJob(n)),
  dispatchPaused: false,
  complete: true,
  readAt: Date.UTC(2026, 11, 6),
  cause: "poll" as const,
});

async function until(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
}

describe("the change log through Redis", () => {
  test("a change committed on one instance is heard on both, with the same version, and resumable on either", async () => {
    const [a, b] = [instance(), instance()];
    const topic = `t${(topics += 1)}`;
    const heardA: ChangeSet[] = [];
    const heardB: ChangeSet[] = [];
    a.changes.subscribe((on, change) => on === topic && heardA.push(change));
    b.changes.subscribe((on, change) => on === topic && heardB.push(change));
    // Let both subscriptions reach Redis before anything is published.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const first = await recordSnapshot(a.changes, read(topic, [1]));
    const second = await recordSnapshot(b.changes, read(topic, [1, 2]));
    const third = await recordSnapshot(a.changes, read(topic, [2]));
    await until(() => heardA.length === 2 && heardB.length === 2);
    expect(heardB).toEqual(heardA);
    expect(heardA.map((change) => [change.previousVersion, change.version])).toEqual([
      [first, second],
      [second, third],
    ]);
    expect((await b.changes.since(topic, first))?.map((change) => change.version)).toEqual([second, third]);
    expect(await a.changes.since(topic, third)).toEqual([]);
  });

  test("two instances reading at once commit one successor of a version, not two", async () => {
    const [a, b] = [instance(), instance()];
    const topic = `t${(topics += 1)}`;
    const start = await recordSnapshot(a.changes, read(topic, [1]));
    const state = await a.changes.state(topic);
    const next = { ...state!, version: start + 1 };
    const results = await Promise.all([
      a.changes.commit(topic, start, next, null),
      b.changes.commit(topic, start, { ...next, version: start + 2 }, null),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test("while Redis is unreachable an instance keeps its own log and its streams still hear changes", async () => {
    const down = instance("redis://127.0.0.1:3599");
    const topic = `t${(topics += 1)}`;
    const heard: ChangeSet[] = [];
    down.changes.subscribe((_on, change) => heard.push(change));
    const first = await recordSnapshot(down.changes, read(topic, [1]));
    const second = await recordSnapshot(down.changes, read(topic, [1, 2]));
    expect(heard.map((change) => change.version)).toEqual([second]);
    expect((await down.changes.since(topic, first))?.map((change) => change.version)).toEqual([second]);
  });
});
