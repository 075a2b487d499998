import { describe, expect, test } from "vitest";
import { computeFindings } from "@/server/triage/findings";
import { agent, input, job, NOW } from "./triage-input";

describe("all_matching_agents_busy", () => {
  const jobs = [
    job("a", { agentQueryRules: ["os=linux"], waitedMinutes: 6 }),
    job("b", { agentQueryRules: ["os=linux"] }),
  ];
  const busy = (name: string, minutes: number) =>
    agent(name, ["os=linux"], { busy: true, busySince: NOW - minutes * 60_000 });

  test("says how many matching agents are busy and since when all of them are", () => {
    const [finding] = computeFindings(
      input({ jobs, agents: [busy("linux-1", 30), busy("linux-2", 8), agent("mac-1", [])] }),
    );
    expect(finding).toMatchObject({
      kind: "all_matching_agents_busy",
      severity: "warning",
      count: 2,
      since: new Date(NOW - 8 * 60_000).toISOString(),
      details: { busyAgents: 2, agentNames: ["linux-1", "linux-2"], rules: ["os=linux", "queue=default"] },
    });
    expect(finding!.explanation).toBe(
      "2 jobs needing os=linux and queue=default have waited up to 6m 00s because all 2 matching agents (linux-1 and linux-2) have been busy since 11:52 UTC.",
    );
  });

  test("is information only while the wait is under the SLO, and names a lone agent", () => {
    const [finding] = computeFindings(
      input({ jobs: [job("b", { agentQueryRules: ["os=linux"] })], agents: [busy("linux-1", 3)] }),
    );
    expect(finding!.severity).toBe("info");
    expect(finding!.explanation).toBe(
      "1 job needing os=linux and queue=default has waited up to 1m 00s because the only matching agent, linux-1, has been busy since 11:57 UTC.",
    );
  });

  test("since is unknown when an agent's busy time is", () => {
    const [finding] = computeFindings(
      input({ jobs, agents: [busy("linux-1", 3), agent("linux-2", ["os=linux"], { busy: true })] }),
    );
    expect(finding!.since).toBeNull();
    expect(finding!.explanation).toContain("(linux-1 and linux-2) are busy.");
  });

  test("clears when one of them is free", () => {
    const findings = computeFindings(input({ jobs, agents: [busy("linux-1", 30), agent("linux-2", ["os=linux"])] }));
    expect(findings.map((finding) => finding.kind)).toEqual(["waiting_over_slo"]);
  });
});
