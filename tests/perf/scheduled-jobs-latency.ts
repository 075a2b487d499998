import { startSimulator } from "../../server/simulator";
import { ms, printTable, startConsoleServer, stats, timed } from "./support";

// Latency of GET /api/v1/stacks/{key}/scheduled-jobs with 1000 jobs in the page, through a production
// build: uncached (every request goes to the simulator) and cached (served from the shared live read),
// beside the upstream call alone, measured in the same run.

const UNCACHED_SAMPLES = 60;
const CACHED_SAMPLES = 300;

export async function scheduledJobsLatency(): Promise<void> {
  // Rate limits off: the uncached series sends more list calls a second than Buildkite's 10 allow.
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  await fetch(`${sim.origin}/__sim/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count: 1000 }),
  });
  const app = await startConsoleServer({
    BUILDKITE_CLUSTER_TOKEN: sim.clusterToken,
    BUILDKITE_AGENT_API_URL: sim.agentApiUrl,
    STACK_KEY: sim.stackKey,
    QUEUE_KEY: sim.queueKey,
    POLL_INTERVAL_MS: "600000",
  });
  try {
    const bff = (limit: number) => `${app.origin}/api/v1/stacks/${sim.stackKey}/scheduled-jobs?limit=${limit}`;
    const upstream = (limit: number) =>
      fetch(`${sim.agentApiUrl}/stacks/${sim.stackKey}/scheduled-jobs?queue_key=${sim.queueKey}&limit=${limit}`, {
        headers: { authorization: `Token ${sim.clusterToken}` },
      }).then((r) => r.json());
    const check = async (url: string) => {
      const body = (await (await fetch(url)).json()) as { ok: boolean; data: unknown[] };
      if (!body.ok || body.data.length < 900) throw new Error(`unexpected answer from ${url}`);
    };

    // Warm both servers (JIT, connection pools) before measuring.
    for (let i = 0; i < 20; i++) {
      await upstream(1000);
      await check(bff(1000));
    }
    const direct: number[] = [];
    const uncached: number[] = [];
    const cached: number[] = [];
    // Each limit is a distinct cache key, so each of these requests goes upstream; ~1000 jobs each.
    for (let i = 0; i < UNCACHED_SAMPLES; i++) {
      direct.push(await timed(() => upstream(1000 - i)));
      uncached.push(await timed(() => check(bff(1000 - i))));
    }
    for (let i = 0; i < CACHED_SAMPLES; i++) cached.push(await timed(() => check(bff(1000))));

    const d = stats(direct);
    const rows = [
      { series: "upstream alone (simulator)", ...d },
      { series: "BFF uncached", ...stats(uncached) },
      { series: "BFF cached (shared read)", ...stats(cached) },
    ].map((row) => ({
      series: row.series,
      n: row.n,
      "mean ms": ms(row.mean),
      "p50 ms": ms(row.p50),
      "p95 ms": ms(row.p95),
      "max ms": ms(row.max),
      "p50 / upstream p50": ms(row.p50 / d.p50),
    }));
    printTable("GET /api/v1/stacks/{key}/scheduled-jobs, 1000 jobs per page (sequential requests, loopback)", rows);
  } finally {
    app.stop();
    await sim.close();
  }
}
