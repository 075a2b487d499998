import { describe, expect, test } from "vitest";
import { computeFindings } from "@/server/triage/findings";
import { agent, input, job } from "./triage-input";

describe("build_no_longer_running", () => {
  const agents = [agent("busy-1", [], { busy: true })];
  const jobs = [
    job("a", { build: { uuid: "u-12", number: 12, branch: "main" } }),
    job("b", { build: { uuid: "u-12", number: 12, branch: "main" } }),
    job("c", { pipeline: { slug: "api", uuid: null }, build: { uuid: null, number: 40, branch: null } }),
    job("d", { build: { uuid: "u-13", number: 13, branch: "main" } }),
  ];
  const only = (states: Map<string, string>) =>
    computeFindings(input({ jobs, agents, buildStates: states })).filter((f) => f.kind === "build_no_longer_running");

  test("names the ended builds, looked up by UUID or by pipeline and number", () => {
    const states = new Map([
      ["u-12", "canceled"],
      ["api#40", "failed"],
      ["u-13", "running"],
    ]);
    const [finding] = only(states);
    expect(finding).toMatchObject({ jobIds: ["a", "b", "c"], count: 3, severity: "warning" });
    expect(finding!.explanation).toBe(
      "3 jobs still wait for an agent although their builds have ended: app #12 (canceled) and api #40 (failed).",
    );
  });

  test("clears while the build runs, or when its state is unknown", () => {
    expect(only(new Map([["u-12", "running"]]))).toEqual([]);
    expect(only(new Map())).toEqual([]);
  });
});
