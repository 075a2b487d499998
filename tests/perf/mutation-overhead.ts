import { startSimulator } from "../../server/simulator";
import { ms, printTable, startConsoleServer, stats, timed } from "./support";
import { simulatorEnv } from "../support/simulator-env";

// What the console's path adds to a change, beside what it adds to a read of the same shape, measured
// through a production build signed in by an auth proxy. A mutation is authenticated, validated,
// rate-limited and written to the audit log (intent before the upstream call, outcome after); a
// job-states read is authenticated and validated only. Both make one upstream call of similar cost, so the
// difference between their overheads is the audit path.

const SAMPLES = 200;

export async function mutationOverhead(): Promise<void> {
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  const { ids } = (await (
    await fetch(`${sim.origin}/__sim/jobs`, { method: "POST", body: JSON.stringify({ count: 1 }) })
  ).json()) as { ids: string[] };
  const jobId = ids[0] ?? "";
  const app = await startConsoleServer({
    ...simulatorEnv(sim),
    MUTATIONS_PER_MINUTE: "1000000",
  });
  const json = (body: unknown): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const upstream = (method: string, path: string, body: unknown) =>
    fetch(`${sim.agentApiUrl}/stacks/${sim.stackKey}${path}`, {
      ...json(body),
      method,
      headers: { "content-type": "application/json", authorization: `Token ${sim.clusterToken}` },
    }).then((r) => r.text());
  const bff = async (path: string, body: unknown) => {
    const answer = (await (await fetch(`${app.origin}/api/v1/stacks/${sim.stackKey}${path}`, json(body))).json()) as {
      ok: boolean;
    };
    if (!answer.ok) throw new Error(`${path} failed through the console`);
  };
  // Reserving a job the stack already holds extends it: the same change can be made again and again.
  const reserve = {
    upstream: () =>
      upstream("PUT", "/scheduled-jobs/batch-reserve", { job_uuids: [jobId], reservation_expiry_seconds: 900 }),
    bff: () => bff("/reservations", { jobIds: [jobId], expirySeconds: 900 }),
  };
  const states = {
    upstream: () => upstream("POST", "/jobs/get-states", { job_uuids: [jobId] }),
    bff: () => bff("/job-states", { jobIds: [jobId] }),
  };
  try {
    for (let i = 0; i < 30; i++)
      await Promise.all(
        [reserve.upstream(), reserve.bff(), states.upstream(), states.bff()].map((p) => p.catch(() => undefined)),
      );
    const series: Record<string, number[]> = {
      "reserve upstream": [],
      "reserve via console": [],
      "job-states upstream": [],
      "job-states via console": [],
    };
    // Interleaved, so a noisy moment hits every series alike.
    for (let i = 0; i < SAMPLES; i++) {
      series["reserve upstream"]!.push(await timed(reserve.upstream));
      series["reserve via console"]!.push(await timed(reserve.bff));
      series["job-states upstream"]!.push(await timed(states.upstream));
      series["job-states via console"]!.push(await timed(states.bff));
    }
    const p50 = (name: string) => stats(series[name] ?? []).p50;
    const mutationOverhead = p50("reserve via console") - p50("reserve upstream");
    const readOverhead = p50("job-states via console") - p50("job-states upstream");
    printTable(
      `Console path latency, ms (${SAMPLES} interleaved samples each; auth proxy in front, PGlite store)`,
      Object.entries(series).map(([name, samples]) => {
        const s = stats(samples);
        return { series: name, p50: ms(s.p50), p95: ms(s.p95), max: ms(s.max) };
      }),
    );
    printTable("What the console adds (p50)", [
      { path: "read (auth + validation + envelope)", "added ms": ms(readOverhead) },
      {
        path: "mutation (auth + validation + rate limit + audit intent and outcome + envelope)",
        "added ms": ms(mutationOverhead),
      },
      { path: "audit path alone (difference)", "added ms": ms(mutationOverhead - readOverhead) },
    ]);
  } finally {
    app.stop();
    await sim.close();
  }
}
