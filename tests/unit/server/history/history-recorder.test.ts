import { describe, expect, test } from "vitest";
import type { QueueSample } from "@/lib/schemas/queue-history";
import { createHistoryRecorder, type FreshQueueRead } from "@/server/history/history-recorder";
import type { QueueSamples } from "@/server/history/queue-samples";
import type { TriageAgent } from "@/server/triage/input";

const NOW = Date.parse("2026-03-02T12:07:10.000Z");
const HOUR = 60 * 60_000;

/** The store's side as a list: what was recorded, pruned, and what to fail with. */
function fakeSamples() {
  const recorded: { stackKey: string; queueKey: string; sample: QueueSample }[] = [];
  const prunedBefore: number[] = [];
  const failing = { record: false, prune: false };
  const samples: QueueSamples = {
    async record(stackKey, queueKey, sample) {
      if (failing.record) throw new Error("the store is down");
      recorded.push({ stackKey, queueKey, sample });
      return true;
    },
    async read() {
      return [];
    },
    async prune(before) {
      if (failing.prune) throw new Error("the store is down");
      prunedBefore.push(before);
      return 0;
    },
  };
  return { samples, recorded, prunedBefore, failing };
}

function recorderOver(
  store: ReturnType<typeof fakeSamples>,
  agents: () => Promise<TriageAgent[] | null>,
  defaultQueue?: (clusterQueueId: string | null) => Promise<string>,
) {
  const warnings: string[] = [];
  const recorder = createHistoryRecorder({
    samples: store.samples,
    agents,
    defaultQueue,
    logger: { warn: (_: unknown, message?: string) => void warnings.push(message ?? "") },
  });
  return { recorder, warnings };
}

const read = (readAt: number, overrides: Partial<FreshQueueRead> = {}): FreshQueueRead => ({
  stackKey: "stack-console",
  queueKey: "_default",
  jobs: [],
  dispatchPaused: false,
  clusterQueueId: null,
  complete: true,
  readAt,
  ...overrides,
});

const idleAgent: TriageAgent = { id: "a", name: "a", connected: true, busy: false, tags: [] };

describe("the history recorder", () => {
  test("records each queue once a minute, however often it is read", async () => {
    const store = fakeSamples();
    const { recorder } = recorderOver(store, async () => [idleAgent]);
    for (const offset of [0, 2_000, 4_000, 49_000]) recorder.observe(read(NOW + offset));
    recorder.observe(read(NOW, { queueKey: "linux" }));
    recorder.observe(read(NOW + 50_000));
    await recorder.settled();
    expect(store.recorded.map((r) => [r.queueKey, r.sample.at])).toEqual([
      ["_default", "2026-03-02T12:07:00.000Z"],
      ["linux", "2026-03-02T12:07:00.000Z"],
      ["_default", "2026-03-02T12:08:00.000Z"],
    ]);
    expect(store.recorded[0]?.sample).toMatchObject({ busyAgents: 0, idleAgents: 1 });
  });

  test("records without agent counts when the agents read fails", async () => {
    const store = fakeSamples();
    const { recorder } = recorderOver(store, () => Promise.reject(new Error("REST is down")));
    recorder.observe(read(NOW));
    await recorder.settled();
    expect(store.recorded[0]?.sample).toMatchObject({ busyAgents: null, idleAgents: null });
  });

  test("never throws at the reader when the store fails, warns, and tries again at the next read that minute", async () => {
    const store = fakeSamples();
    const { recorder, warnings } = recorderOver(store, async () => null);
    store.failing.record = true;
    expect(() => recorder.observe(read(NOW))).not.toThrow();
    await recorder.settled();
    expect(warnings).toEqual(["could not record the queue sample"]);
    store.failing.record = false;
    recorder.observe(read(NOW + 2_000));
    await recorder.settled();
    expect(store.recorded).toHaveLength(1);
  });

  test("prunes what is older than 14 days at the first sample, then at most once an hour", async () => {
    const store = fakeSamples();
    const { recorder } = recorderOver(store, async () => null);
    recorder.observe(read(NOW));
    recorder.observe(read(NOW + 60_000));
    await recorder.settled();
    expect(store.prunedBefore).toEqual([NOW - 14 * 24 * HOUR]);
    await recorder.pruneIfDue(NOW + HOUR);
    expect(store.prunedBefore).toEqual([NOW - 14 * 24 * HOUR, NOW + HOUR - 14 * 24 * HOUR]);
  });

  test("prunes again at the next chance after a failed prune", async () => {
    const store = fakeSamples();
    const { recorder, warnings } = recorderOver(store, async () => null);
    store.failing.prune = true;
    await recorder.pruneIfDue(NOW);
    expect(warnings).toEqual(["could not prune the queue history"]);
    store.failing.prune = false;
    await recorder.pruneIfDue(NOW + 1);
    expect(store.prunedBefore).toHaveLength(1);
  });

  test("counts untagged agents for the cluster's default queue, whatever its key, and for _default without it", async () => {
    const store = fakeSamples();
    const asked: (string | null)[] = [];
    const { recorder } = recorderOver(
      store,
      async () => [idleAgent],
      async (id) => {
        asked.push(id);
        return "default";
      },
    );
    recorder.observe(read(NOW, { queueKey: "default", clusterQueueId: "cq-1" }));
    recorder.observe(read(NOW, { queueKey: "_default", clusterQueueId: "cq-1" }));
    await recorder.settled();
    expect(asked).toEqual(["cq-1", "cq-1"]);
    expect(store.recorded.map(({ queueKey, sample }) => [queueKey, sample.idleAgents])).toEqual([
      ["default", 1],
      ["_default", 0],
    ]);

    const fallback = fakeSamples();
    const unreadable = recorderOver(
      fallback,
      async () => [idleAgent],
      async () => {
        throw new Error("the cluster cannot be read");
      },
    );
    unreadable.recorder.observe(read(NOW));
    await unreadable.recorder.settled();
    expect(fallback.recorded[0]?.sample.idleAgents).toBe(1);
  });
});
