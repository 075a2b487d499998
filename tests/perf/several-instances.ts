import { setTimeout as sleep } from "node:timers/promises";
import { startSimulator, type RunningSimulator } from "../../server/simulator";
import { dropKeys, TEST_REDIS_URL, uniqueKeyPrefix } from "../support/redis";
import { simulatorEnv } from "../support/simulator-env";
import { ms, printTable, processGroupRssMb, startConsoleServer, stats, timed } from "./support";

// Several instances of a production build sharing one Redis, measured side by side in one run:
// - upstream list calls per poll interval with viewers spread over 1 and 3 instances (and 3 without Redis,
//   which is what a deployment of three cost before they shared reads);
// - latency of a cached read (1000 jobs) through the instance that fetched it, through another one, and
//   through an instance without Redis (the value in its own memory);
// - memory (RSS) of an idle instance with and without Redis.

const POLL_MS = 2_000;
const WINDOW_MS = 8_000;
const LATENCY_SAMPLES = 200;
const LIST = "GET /v3/stacks/:key/scheduled-jobs";

type Server = Awaited<ReturnType<typeof startConsoleServer>>;

async function listCalls(sim: RunningSimulator): Promise<number> {
  const stats = (await (await fetch(`${sim.origin}/__sim/stats`)).json()) as { requests: Record<string, number> };
  return stats.requests[LIST] ?? 0;
}

async function startInstances(sim: RunningSimulator, count: number, extra: Record<string, string>) {
  const env = { ...simulatorEnv(sim), POLL_INTERVAL_MS: String(POLL_MS), LOG_LEVEL: "warn", ...extra };
  return Promise.all(Array.from({ length: count }, () => startConsoleServer(env)));
}

/** Two viewers per instance refreshing every 200 ms for WINDOW_MS; the upstream list calls made meanwhile. */
async function callsWhileViewing(sim: RunningSimulator, servers: Server[], path: string): Promise<number> {
  for (const server of servers) await fetch(server.origin + path);
  await sleep(POLL_MS);
  const before = await listCalls(sim);
  const until = Date.now() + WINDOW_MS;
  const viewer = async (origin: string) => {
    while (Date.now() < until) {
      await (await fetch(origin + path)).arrayBuffer();
      await sleep(200);
    }
  };
  await Promise.all(servers.flatMap((server) => [viewer(server.origin), viewer(server.origin)]));
  return (await listCalls(sim)) - before;
}

const rssMb = (server: Server) => processGroupRssMb(server.pid);

async function cachedLatency(origin: string, path: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) await (await fetch(origin + path)).arrayBuffer();
  for (let i = 0; i < LATENCY_SAMPLES; i++)
    samples.push(await timed(async () => (await fetch(origin + path)).arrayBuffer()));
  return samples;
}

export async function severalInstances(): Promise<void> {
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  await fetch(`${sim.origin}/__sim/jobs`, { method: "POST", body: JSON.stringify({ count: 1000 }) });
  const path = `/api/v1/stacks/${sim.stackKey}/scheduled-jobs?limit=1000`;
  const prefixes: string[] = [];
  const redisEnv = () => {
    const prefix = uniqueKeyPrefix("bench");
    prefixes.push(prefix);
    return { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
  };
  const running: Server[] = [];
  const stopAll = () => {
    for (const server of running.splice(0)) server.stop();
  };
  try {
    const intervals = WINDOW_MS / POLL_MS;
    const callRows: Record<string, string | number>[] = [];
    let single = NaN;
    for (const [label, count, extra] of [
      ["1 instance, Redis", 1, redisEnv()],
      ["3 instances, Redis", 3, redisEnv()],
      ["3 instances, no Redis", 3, {}],
    ] as const) {
      running.push(...(await startInstances(sim, count, extra)));
      const calls = await callsWhileViewing(sim, running, path);
      if (count === 1) single = calls;
      callRows.push({
        series: label,
        viewers: count * 2,
        "upstream list calls": calls,
        "calls per poll interval": ms(calls / intervals),
        "ratio to 1 instance": ms(calls / single),
      });
      stopAll();
    }
    printTable(
      `Upstream scheduled-jobs list calls, viewers refreshing every 200 ms for ${WINDOW_MS / 1000} s (poll interval ${POLL_MS / 1000} s; goal for 3 instances with Redis: ≤ 1.5× one instance)`,
      callRows,
    );

    // A long poll interval keeps the one value cached for the whole measurement.
    const shared = redisEnv();
    const [leader, follower] = await startInstances(sim, 2, { ...shared, POLL_INTERVAL_MS: "600000" });
    const [alone] = await startInstances(sim, 1, { POLL_INTERVAL_MS: "600000" });
    running.push(leader!, follower!, alone!);
    const before = await listCalls(sim);
    await (await fetch(leader!.origin + path)).arrayBuffer();
    const leaderSamples = await cachedLatency(leader!.origin, path);
    const followerSamples = await cachedLatency(follower!.origin, path);
    const fetchedByLeaderOnly = (await listCalls(sim)) - before === 1;
    const aloneSamples = await cachedLatency(alone!.origin, path);
    const base = stats(aloneSamples);
    printTable(
      `Cached GET ${path.replace(sim.stackKey, "{key}")} (1000 jobs), sequential; one upstream call served both Redis instances: ${fetchedByLeaderOnly}`,
      [
        { series: "no Redis (value in the instance's memory)", ...base },
        { series: "Redis, the instance that fetched it", ...stats(leaderSamples) },
        { series: "Redis, another instance", ...stats(followerSamples) },
      ].map((row) => ({
        series: row.series,
        n: row.n,
        "p50 ms": ms(row.p50),
        "p95 ms": ms(row.p95),
        "p50 / no Redis p50": ms(row.p50 / base.p50),
        "p95 / no Redis p95": ms(row.p95 / base.p95),
      })),
    );

    // Idle: served the reads above, then left alone for a few seconds.
    await sleep(5_000);
    printTable("Resident memory of an idle instance (its whole process group)", [
      { series: "no Redis", "RSS MB": ms(rssMb(alone!)) },
      { series: "Redis", "RSS MB": ms(rssMb(follower!)) },
    ]);
  } finally {
    stopAll();
    await sim.close();
    for (const prefix of prefixes) await dropKeys(prefix);
  }
}
