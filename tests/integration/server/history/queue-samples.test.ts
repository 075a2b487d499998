import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { QueueSample } from "@/lib/schemas/queue-history";
import { openDatabase, type Database } from "@/server/store/database";
import { historyWindow } from "@/server/history/history-window";
import { createQueueSamples, type QueueSamples } from "@/server/history/queue-samples";
import { createTestDatabase, type TestDatabase } from "../../../support/postgres";

const STACK = "stack-console";
const NOW = Date.parse("2026-03-02T12:07:42.500Z");
const MINUTE = 60_000;
const minute = (ago: number) => new Date(Math.floor(NOW / MINUTE) * MINUTE - ago * MINUTE).toISOString();

function sample(overrides: Partial<QueueSample> = {}): QueueSample {
  return {
    at: minute(0),
    backlog: 3,
    oldestWaitSeconds: 90,
    p50WaitSeconds: 30,
    p95WaitSeconds: 80,
    paused: false,
    busyAgents: 2,
    idleAgents: 1,
    complete: true,
    ...overrides,
  };
}

// The same behaviour is required of the embedded database and of PostgreSQL: the bucketing is SQL.
const backends: { name: string; open(): Promise<{ databases: Database[]; cleanup(): Promise<void> }> }[] = [
  {
    name: "PGlite",
    async open() {
      return { databases: [await openDatabase({ dataDir: "memory://" })], cleanup: async () => undefined };
    },
  },
  {
    name: "PostgreSQL",
    async open() {
      // Two pools on one database: two console instances sharing it.
      const test: TestDatabase = await createTestDatabase();
      const databases = [await openDatabase({ url: test.url }), await openDatabase({ url: test.url })];
      return { databases, cleanup: () => test.drop() };
    },
  },
];

describe.each(backends)("the queue history on $name", (backend) => {
  let databases: Database[];
  let cleanup: () => Promise<void>;
  let samples: QueueSamples;

  beforeAll(async () => {
    ({ databases, cleanup } = await backend.open());
    samples = createQueueSamples(async () => databases[0]!);
  });
  beforeEach(() => databases[0]!.exec("DELETE FROM queue_samples"));
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.close()));
    await cleanup();
  });

  test("keeps one sample per queue and minute, whoever records it first", async () => {
    const instances = databases.map((db) => createQueueSamples(async () => db));
    const recorded = await Promise.all(
      instances.flatMap((instance, i) => [
        instance.record(STACK, "linux", sample({ backlog: 10 + i })),
        instance.record(STACK, "linux", sample({ at: "2026-03-02T12:07:30.000Z", backlog: 20 + i })),
      ]),
    );
    expect(recorded.filter(Boolean)).toHaveLength(1);
    await samples.record(STACK, "mac", sample());
    const rows = await databases[0]!.query<{ queue_key: string; n: number }>(
      "SELECT queue_key, count(*)::integer AS n FROM queue_samples GROUP BY queue_key ORDER BY queue_key",
    );
    expect(rows).toEqual([
      { queue_key: "linux", n: 1 },
      { queue_key: "mac", n: 1 },
    ]);
  });

  test("answers the last hour's minutes of one queue, oldest first, as they were recorded", async () => {
    await samples.record(STACK, "linux", sample({ at: minute(60), backlog: 99 }));
    await samples.record(STACK, "linux", sample({ at: minute(0), backlog: 1, busyAgents: null, idleAgents: null }));
    await samples.record(STACK, "linux", sample({ at: minute(59), backlog: 2, paused: true, oldestWaitSeconds: 12.5 }));
    await samples.record(STACK, "mac", sample({ at: minute(1), backlog: 7 }));
    await samples.record("other-stack", "linux", sample({ at: minute(1), backlog: 8 }));
    const read = await samples.read(STACK, "linux", historyWindow("1h", NOW));
    expect(read).toEqual([
      sample({ at: minute(59), backlog: 2, paused: true, oldestWaitSeconds: 12.5 }),
      sample({ at: minute(0), backlog: 1, busyAgents: null, idleAgents: null }),
    ]);
  });

  test("folds longer ranges into buckets: peaks, paused if ever, complete if always, agents as last seen", async () => {
    // 12:00–12:04 is one five-minute bucket, 12:05–12:07 the next.
    const at = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
    await samples.record(STACK, "linux", sample({ at: at("12:00"), backlog: 5, p50WaitSeconds: 10, busyAgents: 9 }));
    await samples.record(
      STACK,
      "linux",
      sample({ at: at("12:02"), backlog: 9, oldestWaitSeconds: 400, p95WaitSeconds: 300, paused: true }),
    );
    await samples.record(
      STACK,
      "linux",
      sample({ at: at("12:04"), backlog: 1, p50WaitSeconds: 40, busyAgents: 4, idleAgents: 0, complete: false }),
    );
    await samples.record(STACK, "linux", sample({ at: at("12:06"), busyAgents: null, idleAgents: null }));
    await samples.record(STACK, "linux", sample({ at: at("11:00"), backlog: 3 }));
    const read = await samples.read(STACK, "linux", historyWindow("24h", NOW));
    expect(read).toEqual([
      sample({ at: at("11:00"), backlog: 3 }),
      {
        at: at("12:00"),
        backlog: 9,
        oldestWaitSeconds: 400,
        p50WaitSeconds: 40,
        p95WaitSeconds: 300,
        paused: true,
        busyAgents: 4,
        idleAgents: 0,
        complete: false,
      },
      sample({ at: at("12:05"), busyAgents: null, idleAgents: null }),
    ]);
    const week = await samples.read(STACK, "linux", historyWindow("7d", NOW));
    expect(week.map((s) => [s.at, s.backlog])).toEqual([
      [at("11:00"), 3],
      [at("12:00"), 9],
    ]);
  });

  test("prunes the samples older than the cut-off, of every queue and stack, and keeps the rest", async () => {
    const old = new Date(NOW - 15 * 24 * 60 * MINUTE).toISOString();
    await samples.record(STACK, "linux", sample({ at: old }));
    await samples.record("other-stack", "mac", sample({ at: old }));
    await samples.record(STACK, "linux", sample());
    expect(await samples.prune(NOW - 14 * 24 * 60 * MINUTE)).toBe(2);
    const rows = await databases[0]!.query<{ at: Date }>("SELECT at FROM queue_samples");
    expect(rows.map((r) => new Date(r.at).toISOString())).toEqual([minute(0)]);
    expect(await samples.prune(NOW - 14 * 24 * 60 * MINUTE)).toBe(0);
  });
});
