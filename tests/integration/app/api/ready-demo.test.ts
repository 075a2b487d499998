import { Server } from "node:net";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startRouteServer, type RouteServer } from "../../../support/route-server";

// The demo as Vercel runs it (VERCEL=1, no tokens): ready at once, its stack's data served, and no port
// opened for the simulator. Probes come signed out and must never be cached.

let routes: RouteServer;
const listen = vi.spyOn(Server.prototype, "listen");

beforeAll(async () => {
  Object.assign(process.env, { VERCEL: "1", LOG_LEVEL: "silent" });
  routes = await startRouteServer();
  listen.mockClear();
});
afterAll(() => routes.close());

test("GET /api/ready is 200 with every part named, signed out and not cached", async () => {
  // No start-up hook ran here, so the first probes may meet a store still opening and a first token check
  // still running: probe as a load balancer would until both are done.
  const response = await vi.waitFor(
    async () => {
      const answer = await fetch(`${routes.origin}/api/ready`);
      const body = (await answer.clone().json()) as { checks: { buildkite: string } };
      if (answer.status !== 200 || body.checks.buildkite !== "ok") throw new Error(`still ${answer.status}`);
      return answer;
    },
    { timeout: 25_000, interval: 200 },
  );
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.json()).toEqual({
    status: "ready",
    checks: { store: "ok", buildkite: "ok", redis: "not configured" },
  });
});

test("the stack page's data comes from the in-process simulator, and nothing listened for it", async () => {
  const response = await fetch(`${routes.origin}/api/v1/stacks/stack-console/scheduled-jobs?limit=5`);
  const body = (await response.json()) as { ok: boolean; data: unknown[] };
  expect(response.status).toBe(200);
  expect(body.ok).toBe(true);
  expect(body.data.length).toBeGreaterThan(0);
  expect(listen).not.toHaveBeenCalled();
});
