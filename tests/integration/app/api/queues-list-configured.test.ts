import { afterAll, beforeAll, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { QUEUE_KEY: "macos, _default" } });
});
afterAll(() => c.close());

test("QUEUE_KEY names the watched queues, in its order, and no cluster is read to find others", async () => {
  const { status, body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/queues`);
  expect(status).toBe(200);
  expect(body.data).toEqual({
    stackKey: "stack-console",
    queueKeys: ["macos", "_default"],
    source: "configured",
    unavailable: null,
  });
  expect(await c.upstreamCalls("GET /v2/organizations/:org/clusters")).toBe(0);
});
