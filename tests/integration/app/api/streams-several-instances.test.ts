import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { changeSetSchema, streamHelloSchema, type ChangeSet } from "@/lib/schemas/change-sets";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { identityEmails, identityHeaders, PROXY_SECRET } from "../../../support/console";
import { startConsoleProcess, type ConsoleProcess } from "../../../support/console-processes";
import { openEventStream, type OpenStream } from "../../../support/event-stream";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../../../support/redis";
import { simulatorEnv } from "../../../support/simulator-env";

// Two console processes on one Redis: whichever of them reads Buildkite commits the change set, and both
// deliver it, with the same version, to their streams; a stream resumes on either.

const LIST = "GET /v3/stacks/:key/scheduled-jobs";
let sim: RunningSimulator;
const keyPrefix = uniqueKeyPrefix("streams");
const instances: ConsoleProcess[] = [];
const open: OpenStream[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 12, activity: false, rateLimits: false });
  const env = {
    ...simulatorEnv(sim),
    POLL_INTERVAL_MS: "1000",
    BUILDKITE_RETRY_ATTEMPTS: "1",
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: PROXY_SECRET,
    AUTH_ADMIN_EMAILS: identityEmails.admin,
  };
  instances.push(...(await Promise.all([0, 1].map(() => startConsoleProcess(env)))));
}, 120_000);
afterEach(() => open.splice(0).forEach((stream) => stream.close()));
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.kill()));
  await sim.close();
  await dropKeys(keyPrefix);
}, 60_000);

async function stream(origin: string, headers: Record<string, string> = {}) {
  const opened = await openEventStream(`${origin}/api/v1/stacks/${sim.stackKey}/events`, {
    ...identityHeaders("admin"),
    ...headers,
  });
  open.push(opened);
  return opened;
}

const changes = async (s: OpenStream, count: number): Promise<ChangeSet[]> =>
  (await s.collect("change", count, 15_000)).map((event) => changeSetSchema.parse(JSON.parse(event.data)));

async function schedule(count: number): Promise<string[]> {
  const response = await fetch(`${sim.origin}/__sim/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count }),
  });
  return ((await response.json()) as { ids: string[] }).ids;
}

async function upstream(): Promise<number> {
  const stats = (await (await fetch(`${sim.origin}/__sim/stats`)).json()) as { requests: Record<string, number> };
  return stats.requests[LIST] ?? 0;
}

test("both instances deliver the same change sets, with the same versions, from one read per interval", async () => {
  const [a, b] = await Promise.all(instances.map((instance) => stream(instance.origin)));
  const [helloA, helloB] = await Promise.all([a!.next(), b!.next()]);
  expect(streamHelloSchema.parse(JSON.parse(helloA.data)).version).toBe(
    streamHelloSchema.parse(JSON.parse(helloB.data)).version,
  );

  const before = await upstream();
  const started = Date.now();
  const first = await schedule(3);
  const second = await schedule(2);
  const added = (sets: ChangeSet[]) => sets.flatMap((set) => set.added.map((job) => job.id));
  const [setsA, setsB] = await Promise.all([
    collectUntil(a!, [...first, ...second]),
    collectUntil(b!, [...first, ...second]),
  ]);
  expect(setsB).toEqual(setsA);
  expect(added(setsA).sort()).toEqual([...first, ...second].sort());
  // Two instances streaming, one Buildkite read per 1 s interval between them (plus one in flight).
  const seconds = (Date.now() - started) / 1000;
  expect((await upstream()) - before).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
});

test("a stream that dropped on one instance resumes on the other from its Last-Event-ID", async () => {
  const a = await stream(instances[0]!.origin);
  await a.next();
  const before = await schedule(1);
  const [seen] = await changes(a, 1);
  expect(seen!.added.map((job) => job.id)).toEqual(before);
  a.close();

  const missed = await schedule(1);
  const b = await stream(instances[1]!.origin, { "last-event-id": String(seen!.version) });
  expect(streamHelloSchema.parse(JSON.parse((await b.next()).data)).resumed).toBe(true);
  const [next] = await changes(b, 1);
  expect(next!.previousVersion).toBe(seen!.version);
  expect(next!.added.map((job) => job.id)).toEqual(missed);
});

/** Change sets from `s` until every one of `ids` has been added. */
async function collectUntil(s: OpenStream, ids: string[]): Promise<ChangeSet[]> {
  const sets: ChangeSet[] = [];
  const waiting = new Set(ids);
  while (waiting.size > 0) {
    const [set] = await changes(s, 1);
    sets.push(set!);
    for (const job of set!.added) waiting.delete(job.id);
  }
  return sets;
}
