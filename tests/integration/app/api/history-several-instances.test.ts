import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { identityEmails, identityHeaders, PROXY_SECRET } from "../../../support/console";
import { startConsoleProcess, type ConsoleProcess } from "../../../support/console-processes";
import { createTestDatabase, type TestDatabase } from "../../../support/postgres";
import { minuteOf } from "../../../support/queue-history";
import { simulatorEnv } from "../../../support/simulator-env";

// Two console processes on one PostgreSQL and no Redis: each reads Buildkite itself, so each records the
// minute's sample of the queue it reads. The table's primary key leaves one row per queue and minute.

let sim: RunningSimulator;
let db: TestDatabase;
const instances: ConsoleProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, activity: false, rateLimits: false });
  db = await createTestDatabase();
  const env = {
    ...simulatorEnv(sim),
    POLL_INTERVAL_MS: "1000",
    BUILDKITE_RETRY_ATTEMPTS: "1",
    DATABASE_URL: db.url,
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: PROXY_SECRET,
    AUTH_ADMIN_EMAILS: identityEmails.admin,
    REST_READS_PER_VIEWER_PER_MINUTE: "1000000",
  };
  instances.push(...(await Promise.all([0, 1].map(() => startConsoleProcess(env)))));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.kill()));
  await sim.close();
  await db.drop();
}, 60_000);

async function get<T>(origin: string, path: string): Promise<T> {
  const response = await fetch(origin + path, { headers: identityHeaders("admin") });
  return ((await response.json()) as { data: T }).data;
}

const readQueue = (origin: string) =>
  get<{ fetchedAt: string; scheduledCount: number }>(origin, `/api/v1/stacks/${sim.stackKey}/queue?queue=_default`);

async function samplesByMinute(): Promise<{ at: Date; n: number }[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (
      await client.query<{ at: Date; n: number }>(
        "SELECT at, count(*)::integer AS n FROM queue_samples WHERE queue_key = '_default' GROUP BY at ORDER BY at",
      )
    ).rows;
  } finally {
    await client.end();
  }
}

test("instances sharing one PostgreSQL record one sample per queue and minute", { timeout: 90_000 }, async () => {
  // Both instances read Buildkite in the same minute (retried in the rare case the reads straddle one).
  let minute: string | null = null;
  for (let attempt = 0; attempt < 5 && minute === null; attempt++) {
    const reads = await Promise.all(instances.map((instance) => readQueue(instance.origin)));
    const minutes = new Set(reads.map((read) => minuteOf(read.fetchedAt)));
    if (minutes.size === 1) minute = [...minutes][0]!;
    else await sleep(1_100);
  }
  expect(minute).not.toBeNull();
  // Each instance's write follows its answer; wait until a sample of that minute is there, then read the
  // queue once more on both (the next poll interval), by when both writes have long been attempted.
  await expect
    .poll(async () => (await samplesByMinute()).some((row) => row.at.toISOString() === minute), { timeout: 15_000 })
    .toBe(true);
  await sleep(1_100);
  await Promise.all(instances.map((instance) => readQueue(instance.origin)));
  const rows = await samplesByMinute();
  expect(rows.every((row) => row.n === 1)).toBe(true);
  expect(rows.map((row) => row.at.toISOString())).toContain(minute);
});
