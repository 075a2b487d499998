import { describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "@/server/simulator";
import { seedState } from "@/server/simulator/seed";

interface Listed {
  jobs: { id: string; scheduled_at: string; runnable_at?: string }[];
}

async function snapshot(simulator: Simulator) {
  const headers = { Authorization: `Token ${simulator.tokens.cluster}` };
  const response = await simulator.handle(
    new Request(`http://sim.test/v3/stacks/${simulator.stackKey}/scheduled-jobs?queue_key=_default&limit=1000`, {
      headers,
    }),
  );
  const { jobs } = (await response.json()) as Listed;
  const origin = Date.parse(jobs[0]?.scheduled_at ?? "");
  // Times follow the start instant; their spacing, like every other field, follows only the seed.
  const list = jobs.map(({ scheduled_at, runnable_at, ...rest }) => ({
    ...rest,
    scheduledOffset: Date.parse(scheduled_at) - origin,
    runnableOffset: runnable_at === undefined ? null : Date.parse(runnable_at) - origin,
  }));
  const [first] = jobs;
  const job = await simulator.handle(
    new Request(`http://sim.test/v3/stacks/${simulator.stackKey}/jobs/${first?.id}`, { headers }),
  );
  return { list, job: await job.json(), tokens: simulator.tokens };
}

describe("determinism", () => {
  it("gives identical jobs, env and tokens for the same seed", async () => {
    const a = createSimulator({ seed: 1234 });
    const b = createSimulator({ seed: 1234 });
    const [left, right] = await Promise.all([snapshot(a), snapshot(b)]);
    // 40 seeded, plus the 2 whose agent query rules no agent satisfies.
    expect(left.list).toHaveLength(42);
    expect(right).toEqual(left);
  });

  it("gives different jobs and tokens for a different seed", async () => {
    const [left, right] = await Promise.all([
      snapshot(createSimulator({ seed: 1 })),
      snapshot(createSimulator({ seed: 2 })),
    ]);
    expect(right.list.map((job) => job.id)).not.toEqual(left.list.map((job) => job.id));
    expect(right.tokens.cluster).not.toBe(left.tokens.cluster);
  });

  it("gives the same cluster for the same seed and another for a different one", async () => {
    const clusterId = async (simulator: Simulator) => {
      const headers = { Authorization: `Bearer ${simulator.tokens.api}` };
      const response = await simulator.handle(
        new Request(`http://sim.test/v2/organizations/${simulator.org}/clusters`, { headers }),
      );
      const [cluster] = (await response.json()) as { id: string }[];
      return cluster?.id;
    };
    const same = await clusterId(createSimulator({ seed: 7 }));
    expect(same).toMatch(/^[0-9a-f-]{36}$/);
    expect(await clusterId(createSimulator({ seed: 7 }))).toBe(same);
    expect(await clusterId(createSimulator({ seed: 8 }))).not.toBe(same);
  });

  it("honours initialScheduledJobs", async () => {
    const { list } = await snapshot(createSimulator({ initialScheduledJobs: 7 }));
    expect(list).toHaveLength(7 + 2);
  });

  it("resets to the seeded world, and a named live stream gives new jobs ids a plain reset never repeats", async () => {
    const simulator = createSimulator({ seed: 7 });
    const control = async (path: string, body: unknown) => {
      const response = await simulator.handle(
        new Request(`http://sim.test/__sim/${path}`, { method: "POST", body: JSON.stringify(body) }),
      );
      return (await response.json()) as { ids: string[] };
    };
    const seeded = await snapshot(simulator);
    const first = await control("jobs", { count: 3 });
    await control("reset", {});
    expect((await control("jobs", { count: 3 })).ids).toEqual(first.ids);

    await control("reset", { liveStream: "run-2" });
    const other = await control("jobs", { count: 3 });
    expect(other.ids.filter((id) => first.ids.includes(id))).toEqual([]);
    await control("reset", { liveStream: "run-2" });
    expect((await snapshot(simulator)).list).toEqual(seeded.list);
  });

  it("uses the documented defaults", () => {
    const simulator = createSimulator();
    expect(simulator.tokens.cluster).toBe(createSimulator({ seed: 42 }).tokens.cluster);
    expect({ org: simulator.org, stackKey: simulator.stackKey, queueKey: simulator.queueKey }).toEqual({
      org: "acme",
      stackKey: "stack-console",
      queueKey: "_default",
    });
  });

  it("keeps the Stacks half's seeded job ids where they were before the REST history existed", () => {
    // The showcase history draws from its own stream; these ids were seed 42's before it was added.
    const state = seedState({ seed: 42, initialScheduledJobs: 40, startMs: 1_000_000_000_000 });
    const jobs = [...state.jobs.values()].filter((job) => state.builds.get(job.buildUuid)?.pinned !== true);
    expect(jobs.slice(0, 2).map((job) => job.uuid)).toEqual([
      "19808d94-43e9-4918-ac53-a06524fc2ac8",
      "8695093d-83e0-4f67-bd62-1ec70e1b1386",
    ]);
    expect(
      jobs
        .filter((job) => job.state === "scheduled")
        .slice(0, 3)
        .map((job) => job.uuid),
    ).toEqual([
      "c2097559-b777-4c14-80d5-c09c577c010b",
      "92b854f3-1f8e-40f8-8385-5de30ec11125",
      "3bcd99f4-f5a2-4645-9973-7ae90730d8d9",
    ]);
  });
});
