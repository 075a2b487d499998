import { describe, expect, it } from "vitest";
import { agentSatisfies } from "@/server/simulator/agent-targeting";
import { createAgent } from "@/server/simulator/agents";
import { activityTick } from "@/server/simulator/activity";
import { createRandom } from "@/server/simulator/random";
import { seedState } from "@/server/simulator/seed";

const LINUX = ["queue=builds", "os=linux", "arch=amd64", "docker=true", "ruby=1.9.3"];

describe("the simulator's agent targeting", () => {
  it.each([
    [["queue=builds"], true],
    [["queue=builds", "os=linux"], true],
    [["queue=builds", "os=windows"], false],
    [["queue=builds", "gpu=true"], false],
    [["queue=builds", "docker=*"], true],
    [["queue=builds", "docker="], true],
    [["queue=builds", "gpu=*"], false],
    [["queue=builds", "ruby=1.9*"], false],
    [["queue=other"], false],
    [["queue=*"], true],
    [["*"], false],
    [["os=linux"], false],
  ])("%j on a linux agent of queue builds: %s", (rules, expected) => {
    expect(agentSatisfies(LINUX, rules, "default")).toBe(expected);
  });

  it("sends a job without a queue rule to the default queue, where untagged agents are", () => {
    expect(agentSatisfies(["os=linux"], ["os=linux"], "default")).toBe(true);
    expect(agentSatisfies(["os=linux"], ["*"], "default")).toBe(true);
    expect(agentSatisfies(["queue=default", "os=linux"], [], "default")).toBe(true);
    expect(agentSatisfies(LINUX, ["os=linux"], "builds")).toBe(true);
  });
});

describe("agents in the seeded world", () => {
  const T0 = 1_000_000_000_000;

  it("have no agent for the jobs asking for windows or a GPU, until one connects", () => {
    const state = seedState({ seed: 42, initialScheduledJobs: 40, startMs: T0 });
    const windows = [...state.jobs.values()].find((job) => job.agentQueryRules.includes("os=windows"));
    expect(windows?.state).toBe("scheduled");
    if (windows === undefined) return;
    expect(state.idleAgentFor(windows)).toBeUndefined();
    const agent = createAgent(createRandom(1), { name: "win-1", tags: ["queue=_default", "os=windows"] }, T0);
    state.connectAgent(agent);
    expect(state.idleAgentFor(windows)).toBe(agent);
  });

  it("has an agent without a queue tag serve the cluster's default queue, wherever the cluster names it", () => {
    const state = seedState({ seed: 42, initialScheduledJobs: 40, startMs: T0 });
    const windows = [...state.jobs.values()].find((job) => job.agentQueryRules.includes("os=windows"));
    if (windows === undefined) throw new Error("the seeded world has no windows job");
    const agent = createAgent(createRandom(1), { name: "win-untagged", tags: ["os=windows"] }, T0);
    state.connectAgent(agent);
    expect(state.idleAgentFor(windows)).toBe(agent);
    state.cluster.defaultQueueKey = "linux-large";
    expect(state.idleAgentFor(windows)).toBeUndefined();
  });

  it("activity gives each job to an idle agent whose tags satisfy it, one job per agent", () => {
    const state = seedState({ seed: 42, initialScheduledJobs: 40, startMs: T0 });
    const random = createRandom(3);
    for (let tick = 0; tick < 40; tick++) {
      activityTick(state, random, T0 + tick * 1_500);
      const running = new Map<string, string>();
      for (const agent of state.agents.values()) {
        const job = state.agentJob(agent);
        if (job === null) continue;
        expect(agent.connection).toBe("connected");
        expect(agentSatisfies(agent.tags, job.agentQueryRules, job.queueKey, state.cluster.defaultQueueKey)).toBe(true);
        expect(running.has(job.uuid)).toBe(false);
        running.set(job.uuid, agent.uuid);
      }
    }
    const unmatched = [...state.jobs.values()].filter((job) =>
      job.agentQueryRules.some((rule) => rule === "os=windows" || rule === "gpu=true"),
    );
    expect(unmatched.map((job) => job.state)).toEqual(["scheduled", "scheduled"]);
  });

  it("seeds the same agents for the same seed", () => {
    const names = (seed: number) =>
      [...seedState({ seed, initialScheduledJobs: 0, startMs: T0 }).agents.values()].map((a) => [a.uuid, a.name]);
    expect(names(5)).toEqual(names(5));
    expect(names(5)).not.toEqual(names(6));
  });
});
