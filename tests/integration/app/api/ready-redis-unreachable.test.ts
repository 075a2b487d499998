import { afterAll, beforeAll, expect, test } from "vitest";
import { uniqueKeyPrefix } from "../../../support/redis";
import { startRouteServer, type RouteServer } from "../../../support/route-server";

// Redis configured but down: the console is not ready and says it is Redis, without its URL or password.
// It still serves (see redis-outage.test.ts); readiness is what tells a load balancer or an operator.

let routes: RouteServer;
// Nothing listens on this port.
const port = 3596;

beforeAll(async () => {
  Object.assign(process.env, {
    REDIS_URL: `redis://:hunter2@127.0.0.1:${port}/0`,
    REDIS_KEY_PREFIX: uniqueKeyPrefix("ready"),
    DATA_DIR: "memory://",
    LOG_LEVEL: "silent",
  });
  routes = await startRouteServer();
});
afterAll(() => routes.close());

test("GET /api/ready is 503 naming Redis, with no URL, host, port or password in it", async () => {
  // A server builds its runtime (which registers the Redis check) at start-up; this one on first use.
  await fetch(`${routes.origin}/api/ready`);
  const response = await fetch(`${routes.origin}/api/ready`);
  expect(response.status).toBe(503);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ status: "not ready", checks: { redis: "unreachable" } });
  for (const leak of ["redis://", "127.0.0.1", String(port), "hunter2", "ECONNREFUSED"])
    expect(text).not.toContain(leak);
});
