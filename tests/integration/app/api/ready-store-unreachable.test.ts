import { createServer } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startRouteServer, type RouteServer } from "../../../support/route-server";

// PostgreSQL down: the console is not ready and says it is the store, without the database's address.

let routes: RouteServer;
let port: number;

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: taken } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return taken;
}

beforeAll(async () => {
  port = await closedPort();
  Object.assign(process.env, {
    DATABASE_URL: `postgres://console:hunter2@127.0.0.1:${port}/console`,
    LOG_LEVEL: "silent",
  });
  routes = await startRouteServer();
});
afterAll(() => routes.close());

test("GET /api/ready is 503 naming the store, with no URL, host, port or password in it", async () => {
  const response = await fetch(`${routes.origin}/api/ready`);
  expect(response.status).toBe(503);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    status: "not ready",
    checks: { store: "unreachable", buildkite: "ok", redis: "not configured" },
  });
  for (const leak of ["postgres", "127.0.0.1", String(port), "hunter2", "console", "ECONNREFUSED"])
    expect(text).not.toContain(leak);
});
