import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { uniqueKeyPrefix } from "../../../support/redis";
import { captureStdout, exerciseEveryRoute } from "../../../support/secret-scan";

// A console whose Redis cannot be reached keeps serving every route from its own memory, says so once in
// the log, and never quotes the Redis URL (which may carry a password) in a log line or a response.
const PASSWORD = "redispw7e57c0n5o1e";
// Nothing listens on this port: the connection fails as during an outage.
const REDIS_URL = `redis://:${PASSWORD}@127.0.0.1:3597/0`;
let c: TestConsole;
let logged: string[] = [];

beforeAll(async () => {
  logged = captureStdout();
  c = await startConsole({
    env: { REDIS_URL, REDIS_KEY_PREFIX: uniqueKeyPrefix("outage"), LOG_LEVEL: "debug", LOG_HTTP_PAYLOADS: "true" },
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await c.close();
});

test(
  "with Redis unreachable every route still answers, the outage is logged once, and the URL never appears",
  { timeout: 60_000 },
  async () => {
    const path = `/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=5`;
    const first = await c.api(path);
    expect(first.status).toBe(200);
    // Within the poll interval this instance still shares its own read between viewers.
    const calls = await c.upstreamCalls("GET /v3/stacks/:key/scheduled-jobs");
    await Promise.all(Array.from({ length: 5 }, () => c.api(path)));
    expect(await c.upstreamCalls("GET /v3/stacks/:key/scheduled-jobs")).toBe(calls);

    const { responses, covered } = await exerciseEveryRoute(c);
    expect(covered.length).toBeGreaterThanOrEqual(20);
    // Refusals are the console's own answers to bad input; nothing fails because Redis is gone.
    expect(
      responses.filter((response) => / 5\d\d\b/.test(response.split("\n")[0] ?? "")).map((r) => r.split("\n")[0]),
    ).toEqual([]);

    const logText = logged.join("");
    expect(logText.match(/Redis is unreachable/g)).toHaveLength(1);
    for (const text of [logText, ...responses]) expect(text).not.toContain(PASSWORD);
  },
);
