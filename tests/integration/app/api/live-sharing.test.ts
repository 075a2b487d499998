import { afterAll, beforeAll, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { POLL_INTERVAL_MS: "60000" } });
});
afterAll(() => c.close());

const LIST = "GET /v3/stacks/:key/scheduled-jobs";

test("20 concurrent viewers of the scheduled-jobs route cost one upstream call", async () => {
  await c.control("reset", {});
  const path = `/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=100`;
  const responses = await Promise.all(Array.from({ length: 20 }, () => c.api(path)));
  expect(responses.every((r) => r.status === 200)).toBe(true);
  const ids = responses.map((r) => JSON.stringify((r.body.data as { id: string }[]).map((j) => j.id)));
  expect(new Set(ids).size).toBe(1);
  expect(await c.upstreamCalls(LIST)).toBe(1);

  // Within the poll interval a later viewer is served the same read too.
  await c.api(path);
  expect(await c.upstreamCalls(LIST)).toBe(1);
});

test("a write through the console makes the next read go upstream", async () => {
  await c.control("reset", {});
  const path = `/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=100`;
  const { body } = await c.api(path);
  const id = body.data[0].id as string;
  await c.api(`/api/v1/stacks/${c.sim.stackKey}/reservations`, { body: { jobIds: [id] } });
  const before = await c.upstreamCalls(LIST);
  const after = await c.api(path);
  expect((after.body.data as { id: string }[]).map((j) => j.id)).not.toContain(id);
  expect(await c.upstreamCalls(LIST)).toBe(before + 1);
});
