import { expect } from "vitest";
import { queueHistorySchema, type QueueSample } from "@/lib/schemas/queue-history";
import type { TestConsole } from "./console";

// Reading queue.history in the integration tests.

export const historyPath = (c: TestConsole, range = "1h") =>
  `/api/v1/stacks/${c.sim.stackKey}/queue/history?queue=${c.sim.queueKey}&range=${range}`;

export async function readHistory(c: TestConsole, range = "1h") {
  const { status, body, headers } = await c.api(historyPath(c, range));
  expect(status).toBe(200);
  expect(body.command).toBe("queue.history");
  return { samples: queueHistorySchema.parse(body.data).samples, summary: body.summary, headers };
}

/** The start of the minute `iso` falls in: the key of that minute's sample. */
export const minuteOf = (iso: string) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();

/**
 * Reads the history until it holds the sample of `minute`: the recorder writes it after the read that
 * prompted it has been answered, so it lands a moment later.
 */
export async function sampleOfMinute(c: TestConsole, minute: string, range = "1h"): Promise<QueueSample> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { samples } = await readHistory(c, range);
    const found = samples.find((sample) => sample.at === minute);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no sample for ${minute}: ${JSON.stringify(samples)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
