import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { startMinuteSampler, type SampledQueue } from "@/server/history/minute-sampler";

const MINUTE = 60_000;
const queues: SampledQueue[] = [
  { stackKey: "stack-console", queueKey: "_default" },
  { stackKey: "stack-console", queueKey: "linux" },
];

function sampler(read: (queue: SampledQueue) => Promise<void>) {
  const warnings: string[] = [];
  const prune = vi.fn(async () => undefined);
  const started = startMinuteSampler({
    queues: async () => queues,
    read,
    prune,
    logger: { warn: (_: unknown, message?: string) => void warnings.push(message ?? "") },
  });
  return { started, prune, warnings };
}

describe("the minute sampler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse("2026-03-02T12:07:10.000Z"));
  });
  afterEach(() => vi.useRealTimers());

  test("reads every queue in the middle of each minute, so a shared-cache answer is from that minute", async () => {
    const reads: string[] = [];
    const { started, prune } = sampler(
      async (queue) => void reads.push(`${new Date().toISOString()} ${queue.queueKey}`),
    );
    expect(prune).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(reads).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(reads).toEqual([
      "2026-03-02T12:07:30.000Z _default",
      "2026-03-02T12:07:30.000Z linux",
      "2026-03-02T12:08:30.000Z _default",
      "2026-03-02T12:08:30.000Z linux",
    ]);
    started.stop();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(reads).toHaveLength(4);
  });

  test("goes on to the next queue, and the next minute, when a read fails", async () => {
    const reads: string[] = [];
    const { started, warnings } = sampler(async (queue) => {
      reads.push(queue.queueKey);
      if (queue.queueKey === "_default") throw new Error("Buildkite is down");
    });
    await vi.advanceTimersByTimeAsync(20_000 + MINUTE);
    expect(reads).toEqual(["_default", "linux", "_default", "linux"]);
    expect(warnings).toEqual(["could not read the queue to sample it", "could not read the queue to sample it"]);
    started.stop();
  });

  test("does not keep the process alive", () => {
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    const { started } = sampler(async () => undefined);
    const timer = timeouts.mock.results[0]?.value as { hasRef(): boolean } | undefined;
    expect(timer?.hasRef()).toBe(false);
    started.stop();
  });
});
