import { describe, expect, test } from "vitest";
import type { Finding } from "@/lib/schemas/triage";
import { computeFindings } from "@/server/triage/findings";
import { agent, input, job } from "./triage-input";

const noMatch = (findings: Finding[]) => findings.filter((finding) => finding.kind === "no_matching_agent");

describe("no_matching_agent", () => {
  const gpuJobs = ["a", "b", "c"].map((id, i) => job(id, { agentQueryRules: ["gpu=true"], waitedMinutes: 41 - i }));
  const agents = [agent("agent-7", ["gpu=false"]), agent("agent-9", ["os=linux"])];

  test("names the rule nobody meets and what the closest agent has instead", () => {
    const [finding, ...rest] = noMatch(computeFindings(input({ jobs: gpuJobs, agents })));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: "critical", count: 3, jobIds: ["a", "b", "c"] });
    expect(finding!.explanation).toBe(
      "3 jobs have waited up to 41m 00s because no connected agent in queue default has gpu=true; the closest, agent-7, has gpu=false.",
    );
    expect(finding!.details).toMatchObject({ queueKey: "default", unmetRules: ["gpu=true"] });
  });

  test("clears once an agent with the missing tag connects", () => {
    const findings = computeFindings(input({ jobs: gpuJobs, agents: [...agents, agent("gpu-1", ["gpu=true"])] }));
    expect(noMatch(findings)).toEqual([]);
  });

  test("a disconnected agent does not count", () => {
    const gone = agent("gpu-1", ["gpu=true"], { connected: false });
    expect(noMatch(computeFindings(input({ jobs: gpuJobs, agents: [...agents, gone] })))).toHaveLength(1);
  });

  test("one finding per distinct set of unmet rules, not one per job or rule set", () => {
    const jobs = [
      ...gpuJobs,
      job("d", { agentQueryRules: ["gpu=true", "os=linux"] }),
      job("e", { agentQueryRules: ["arch=arm64"] }),
    ];
    const findings = noMatch(computeFindings(input({ jobs, agents })));
    expect(findings.map((finding) => finding.jobIds)).toEqual([["a", "b", "c", "d"], ["e"]]);
    expect(findings[1]!.explanation).toBe(
      "1 job has waited up to 1m 00s because no connected agent in queue default has arch=arm64; the closest, agent-7, has no arch tag.",
    );
  });

  test("a queue without agents is named as such", () => {
    const findings = noMatch(computeFindings(input({ jobs: [job("q", { agentQueryRules: ["queue=mac"] })], agents })));
    expect(findings[0]!.explanation).toBe(
      "1 job has waited up to 1m 00s because no connected agent serves queue mac; the closest, agent-7, has queue=default.",
    );
  });

  test("rules each met by some agent, but never by one, are named together", () => {
    const jobs = [job("x", { agentQueryRules: ["gpu=false", "os=linux"] })];
    const [finding] = noMatch(computeFindings(input({ jobs, agents })));
    expect(finding!.explanation).toBe(
      "1 job has waited up to 1m 00s because no connected agent in queue default has gpu=false and os=linux together; the closest, agent-7, has no os tag.",
    );
  });

  test("the default queue is the caller's: jobs without a queue rule go to it", () => {
    const jobs = [job("plain")];
    const agents = [agent("cluster-1", ["queue=_default"])];
    expect(noMatch(computeFindings(input({ jobs, agents })))).toHaveLength(1);
    expect(noMatch(computeFindings(input({ jobs, agents, defaultQueue: "_default" })))).toEqual([]);
  });

  test("without any agent there is no closest to name", () => {
    const [finding] = noMatch(computeFindings(input({ jobs: gpuJobs })));
    expect(finding!.explanation).toBe(
      "3 jobs have waited up to 41m 00s because no connected agent serves queue default.",
    );
  });
});
