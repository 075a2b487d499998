import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { identityEmails, identityHeaders, PROXY_SECRET } from "../../../support/console";
import { startConsoleProcess, type ConsoleProcess } from "../../../support/console-processes";
import { createTestDatabase, type TestDatabase } from "../../../support/postgres";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";
import { simulatorEnv } from "../../../support/simulator-env";

// Three console processes on one PostgreSQL and one Redis, as a deployment behind a load balancer runs
// them: viewers spread over them cost about one upstream list call per poll interval in total, an instance
// killed mid-change leaves the others serving and its change on the record as "unknown", and an instance
// started again rejoins.

const POLL_MS = 1_000;
const LIST = "GET /v3/stacks/:key/scheduled-jobs";
const FINISH = "POST /v3/stacks/:key/jobs/:uuid/finish";

let sim: RunningSimulator;
let db: TestDatabase;
const keyPrefix = uniqueKeyPrefix("instances");
const instances: ConsoleProcess[] = [];
let env: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, activity: false, rateLimits: false });
  db = await createTestDatabase();
  env = {
    ...simulatorEnv(sim),
    POLL_INTERVAL_MS: String(POLL_MS),
    BUILDKITE_RETRY_ATTEMPTS: "1",
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: PROXY_SECRET,
    AUTH_ADMIN_EMAILS: identityEmails.admin,
    MUTATIONS_PER_MINUTE: "1000000",
    REST_READS_PER_VIEWER_PER_MINUTE: "1000000",
  };
  instances.push(...(await Promise.all([0, 1, 2].map(() => startConsoleProcess(env)))));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.kill()));
  await sim.close();
  await db.drop();
  await dropKeys(keyPrefix);
}, 60_000);

async function upstream(route: string): Promise<number> {
  const stats = (await (await fetch(`${sim.origin}/__sim/stats`)).json()) as { requests: Record<string, number> };
  return stats.requests[route] ?? 0;
}

const listPath = () => `/api/v1/stacks/${sim.stackKey}/scheduled-jobs?limit=100`;

async function get(origin: string, path: string) {
  const response = await fetch(origin + path, { headers: identityHeaders("admin") });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data: unknown } };
}

/**
 * Two viewers per instance, each refreshing every 100 ms for `ms`; returns the upstream list calls made
 * meanwhile and every answer's status. Stops by itself when the time is up.
 */
async function viewers(origins: string[], ms: number): Promise<{ calls: number; statuses: number[] }> {
  const before = await upstream(LIST);
  const statuses: number[] = [];
  const until = Date.now() + ms;
  const viewer = async (origin: string) => {
    while (Date.now() < until) {
      statuses.push((await get(origin, listPath())).status);
      await sleep(100);
    }
  };
  await Promise.all(origins.flatMap((origin) => [viewer(origin), viewer(origin)]));
  return { calls: (await upstream(LIST)) - before, statuses };
}

// Every poll interval costs one call at most, plus one for the interval the window starts in; without
// shared reads each instance would make its own (about three times as many).
const atMostOnePerInterval = (ms: number) => Math.ceil(ms / POLL_MS) + 1;

test(
  "viewers spread over three instances cost about one upstream list call per poll interval",
  { timeout: 60_000 },
  async () => {
    // Each instance opens its store and connections on its first request.
    await Promise.all(instances.map((instance) => get(instance.origin, listPath())));
    const { calls, statuses } = await viewers(
      instances.map((instance) => instance.origin),
      4_000,
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(atMostOnePerInterval(4_000));
  },
);

test(
  "an instance killed during a bulk finish leaves the others serving and its change on the record as unknown; restarted, it rejoins",
  { timeout: 120_000 },
  async () => {
    const [doomed, second, third] = instances as [ConsoleProcess, ConsoleProcess, ConsoleProcess];
    const created = (await (
      await fetch(`${sim.origin}/__sim/jobs`, { method: "POST", body: JSON.stringify({ count: 12 }) })
    ).json()) as { ids: string[] };
    // Buildkite (the simulator) holds every finish's answer: the bulk finish is in flight when the kill lands.
    await fetch(`${sim.origin}/__sim/faults`, {
      method: "POST",
      body: JSON.stringify({ method: "POST", path: "/v3/stacks/*/jobs/*/finish", delayMs: 20_000, count: 100 }),
    });
    const finishesBefore = await upstream(FINISH);
    const bulk = fetch(`${doomed.origin}/api/v1/stacks/${sim.stackKey}/bulk-finish`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson", ...identityHeaders("admin") },
      body: JSON.stringify({ jobIds: created.ids, detail: "node pool drained" }),
    }).then(
      (response) => response.text(),
      (error: unknown) => error,
    );
    await expect.poll(() => upstream(FINISH), { timeout: 30_000 }).toBeGreaterThan(finishesBefore);
    await doomed.kill();
    await bulk;

    // The others keep serving, reading Buildkite between them though the killed one may have held the lock.
    const survivors = await viewers([second.origin, third.origin], 3_000);
    expect(survivors.statuses.every((status) => status === 200)).toBe(true);
    expect(survivors.calls).toBeGreaterThan(0);
    expect(survivors.calls).toBeLessThanOrEqual(atMostOnePerInterval(3_000));

    const audit = await get(second.origin, "/api/v1/audit?action=jobs.finish.bulk");
    expect(audit.body.ok).toBe(true);
    expect(audit.body.data).toHaveLength(1);
    expect((audit.body.data as Record<string, unknown>[])[0]).toMatchObject({
      action: "jobs.finish.bulk",
      reason: "node pool drained",
      outcome: "unknown",
      finishedAt: null,
    });
    expect([...((audit.body.data as { jobIds: string[] }[])[0]?.jobIds ?? [])].sort()).toEqual([...created.ids].sort());

    await fetch(`${sim.origin}/__sim/faults`, { method: "DELETE" });
    const restarted = await startConsoleProcess(env);
    instances[0] = restarted;
    expect((await get(restarted.origin, listPath())).status).toBe(200);
    const rejoined = await viewers([restarted.origin, second.origin, third.origin], 3_000);
    expect(rejoined.statuses.every((status) => status === 200)).toBe(true);
    expect(rejoined.calls).toBeLessThanOrEqual(atMostOnePerInterval(3_000));
    // It reads the same record as the others.
    expect((await get(restarted.origin, "/api/v1/audit?action=jobs.finish.bulk")).body.data).toEqual(audit.body.data);
  },
);
