import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { PROXY_SECRET } from "../../../support/console";
import { startRouteServer, type RouteServer } from "../../../support/route-server";
import { simulatorEnv } from "../../../support/simulator-env";

// A live console whose tokens Buildkite rejects (the simulator answers 401 to any token it did not issue)
// is not ready, says which part failed, and asks Buildkite at most once however often it is probed.

let sim: RunningSimulator;
let routes: RouteServer;

beforeAll(async () => {
  sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  Object.assign(process.env, {
    ...simulatorEnv(sim),
    BUILDKITE_CLUSTER_TOKEN: "bkct_revoked-cluster-token",
    BUILDKITE_API_TOKEN: "bkua_revoked-api-token",
    LOG_LEVEL: "silent",
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: PROXY_SECRET,
  });
  routes = await startRouteServer();
  // Nothing opened the store before the first probe (no start-up hook here): wait until it has.
  await vi.waitFor(
    async () => {
      const answer = (await (await fetch(`${routes.origin}/api/ready`)).json()) as { checks: { store: string } };
      if (answer.checks.store !== "ok") throw new Error(`store ${answer.checks.store}`);
    },
    { timeout: 25_000, interval: 200 },
  );
});
afterAll(async () => {
  await routes.close();
  await sim.close();
});

async function upstreamCalls(): Promise<number> {
  const stats = (await (await fetch(`${sim.origin}/__sim/stats`)).json()) as { requests: Record<string, number> };
  return Object.values(stats.requests).reduce((total, count) => total + count, 0);
}

test("GET /api/ready is 503 naming buildkite, needs no sign-in, and gives nothing away", async () => {
  const response = await fetch(`${routes.origin}/api/ready`);
  expect(response.status).toBe(503);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    status: "not ready",
    checks: { store: "ok", buildkite: "rejected", redis: "not configured" },
  });
  for (const secret of ["revoked", "127.0.0.1", String(new URL(sim.origin).port), "http"])
    expect(text).not.toContain(secret);
});

test("probes after the first answer from the last check instead of asking Buildkite again", async () => {
  const before = await upstreamCalls();
  for (let i = 0; i < 5; i++) expect((await fetch(`${routes.origin}/api/ready`)).status).toBe(503);
  expect(await upstreamCalls()).toBe(before);
});
