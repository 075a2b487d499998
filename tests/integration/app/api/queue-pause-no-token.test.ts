import { afterAll, beforeAll, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { BUILDKITE_API_TOKEN: "" } });
});
afterAll(() => c.close());

test("without a REST token a paused queue is still shown, with a warning that details need one", async () => {
  await c.control("queue", { paused: true, note: "db migration", by: "Ada" });
  const { status, body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/queue?queue=_default`);
  expect(status).toBe(200);
  expect(body.data).toMatchObject({ dispatchPaused: true, pause: null, pauseUnavailable: { reason: "no_token" } });
  expect(body.summary.warnings).toEqual([expect.stringContaining("BUILDKITE_API_TOKEN")]);
  expect(await c.upstreamCalls("GET /v2/organizations/:org/clusters")).toBe(0);
});
