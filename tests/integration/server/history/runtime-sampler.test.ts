import { afterAll, beforeAll, expect, test } from "vitest";
import { startRuntimeSampler } from "@/server/history/runtime-sampler";
import { runtime } from "@/server/runtime";
import { startConsole, type TestConsole } from "../../../support/console";
import { readHistory } from "../../../support/queue-history";

// The background sampler keeps the history growing while nobody reads the queue: here nothing but the
// sampler reads it (the history route reads only the store), with a tick every 200 ms instead of a minute.

const LIST = "GET /v3/stacks/:key/scheduled-jobs";

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole();
});
afterAll(() => c.close());

test("records the watched queue's sample with nobody watching it", async () => {
  const sampler = startRuntimeSampler(await runtime(), 200);
  try {
    const deadline = Date.now() + 15_000;
    let samples = (await readHistory(c)).samples;
    while (samples.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      samples = (await readHistory(c)).samples;
    }
    expect(samples.length).toBeGreaterThan(0);
    expect(await c.upstreamCalls(LIST)).toBeGreaterThan(0);
    const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/queue?queue=${c.sim.queueKey}`);
    expect(samples[samples.length - 1]?.backlog).toBe((body.data as { scheduledCount: number }).scheduledCount);
  } finally {
    sampler.stop();
  }
});
