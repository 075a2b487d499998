import { describe, expect, test } from "vitest";
import { coalesce } from "@/server/webhooks/coalesce";
import { deferred } from "../../../support/deferred";

// Time and each run's end are in the test's hands: the clock is a number, sleeps and runs are deferreds.
function harness(gapMs = 1_000) {
  let now = 0;
  const runs: ReturnType<typeof deferred<void>>[] = [];
  const sleeps: { ms: number; done: ReturnType<typeof deferred<void>> }[] = [];
  const request = coalesce(
    () => {
      const run = deferred<void>();
      runs.push(run);
      return run.promise;
    },
    {
      gapMs,
      now: () => now,
      sleep: (ms) => {
        const done = deferred<void>();
        sleeps.push({ ms, done });
        return done.promise;
      },
    },
  );
  return { request, runs, sleeps, advance: (ms: number) => (now += ms) };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("coalesce", () => {
  test("idle, a request runs at once", async () => {
    const h = harness();
    const first = h.request();
    expect(h.runs).toHaveLength(1);
    h.runs[0]!.resolve();
    await first;
  });

  test("requests during a run share one more run after it, no sooner than the gap after the first began", async () => {
    const h = harness(1_000);
    const first = h.request();
    h.advance(100);
    const second = h.request();
    const third = h.request();
    expect(second).toBe(third);
    expect(h.runs).toHaveLength(1);
    h.runs[0]!.resolve();
    await first;
    await expect.poll(() => h.sleeps.length).toBe(1);
    expect(h.sleeps[0]!.ms).toBe(900);
    expect(await settled(second)).toBe(false);
    h.advance(900);
    h.sleeps[0]!.done.resolve();
    await expect.poll(() => h.runs.length).toBe(2);
    h.runs[1]!.resolve();
    await second;
  });

  test("after the gap, with nothing running, the next request runs at once again", async () => {
    const h = harness(1_000);
    const first = h.request();
    h.runs[0]!.resolve();
    await first;
    h.advance(1_000);
    void h.request();
    expect(h.runs).toHaveLength(2);
    expect(h.sleeps).toHaveLength(0);
  });

  test("a failed run does not stop the one queued behind it", async () => {
    const h = harness(0);
    const first = h.request();
    const second = h.request();
    h.runs[0]!.reject(new Error("upstream down"));
    await expect(first).rejects.toThrow("upstream down");
    await expect.poll(() => h.runs.length).toBe(2);
    h.runs[1]!.resolve();
    await second;
  });
});
