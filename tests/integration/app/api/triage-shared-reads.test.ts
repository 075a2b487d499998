import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { triagePath } from "../../../support/triage";

// triage.get reads only what every viewer shares: the queue snapshot and the agents list.

const LIST = "GET /v3/stacks/:key/scheduled-jobs";
const AGENTS = "GET /v2/organizations/:org/agents";

describe("triage.get's upstream cost", () => {
  let c: TestConsole;
  // A long poll interval, so every read below falls within one.
  beforeAll(async () => {
    c = await startConsole({ env: { POLL_INTERVAL_MS: "60000" } });
  });
  afterAll(() => c.close());

  test("20 concurrent viewers cost the upstream calls of one, and later viewers none", async () => {
    await c.control("reset", {});
    const responses = await Promise.all(Array.from({ length: 20 }, () => c.api(triagePath(c))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => JSON.stringify(r.body.data))).size).toBe(1);
    expect(await c.upstreamCalls(AGENTS)).toBe(1);
    const lists = await c.upstreamCalls(LIST);
    expect(lists).toBeGreaterThan(0);
    const total = await c.upstreamTotal();

    await Promise.all(Array.from({ length: 20 }, () => c.api(triagePath(c))));
    expect(await c.upstreamTotal()).toBe(total);
  });
});
