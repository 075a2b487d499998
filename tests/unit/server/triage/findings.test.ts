import { describe, expect, test } from "vitest";
import { findingsSchema, type Finding } from "@/lib/schemas/triage";
import { computeFindings, rankFindings } from "@/server/triage/findings";
import { agent, input, job, minutesAgo, NOW } from "./triage-input";

const kinds = (findings: Finding[]) => findings.map((finding) => finding.kind);

describe("computeFindings", () => {
  test("a healthy queue has nothing to say", () => {
    const findings = computeFindings(input({ jobs: [job("a")], agents: [agent("idle-1", [])] }));
    expect(findings).toEqual([]);
  });

  test("ranks by severity, then by jobs × longest wait", () => {
    const findings = computeFindings(
      input({
        jobs: [
          job("gpu", { agentQueryRules: ["gpu=true"], waitedMinutes: 2 }),
          ...["a", "b", "c"].map((id) => job(id, { waitedMinutes: 20 })),
          ...["d", "e"].map((id) => job(id, { agentQueryRules: ["os=linux"], waitedMinutes: 40 })),
        ],
        agents: [agent("busy-1", [], { busy: true }), agent("linux-1", ["os=linux"], { busy: true })],
      }),
    );
    expect(kinds(findings)).toEqual([
      "no_matching_agent",
      "waiting_over_slo",
      // 2 jobs × 40 min outweigh 3 jobs × 20 min.
      "all_matching_agents_busy",
      "all_matching_agents_busy",
    ]);
    expect(findings[2]!.jobIds).toEqual(["d", "e"]);
    expect(findingsSchema.parse(findings)).toEqual(findings);
  });

  test("rankFindings breaks ties by count, then kind, so the order is stable", () => {
    const base = { severity: "warning", since: null, explanation: "", suggestedAction: "", maxWaitSeconds: 0 } as const;
    const slo: Finding = {
      ...base,
      kind: "waiting_over_slo",
      jobIds: [],
      count: 1,
      details: { sloSeconds: 1, oldestJobId: "x" },
    };
    const expired: Finding = {
      ...base,
      kind: "reservation_expired",
      jobIds: [],
      count: 1,
      details: { reservedBy: [], expiredAt: [] },
    };
    expect(kinds(rankFindings([slo, expired]))).toEqual(["reservation_expired", "waiting_over_slo"]);
    expect(kinds(rankFindings([{ ...slo, count: 2 }, expired]))).toEqual(["waiting_over_slo", "reservation_expired"]);
  });

  test("every finding parses with the browser's schema", () => {
    const findings = computeFindings(
      input({
        now: NOW,
        jobs: [job("a", { waitedMinutes: 40, priority: 0 }), job("gpu", { agentQueryRules: ["gpu=true"] })],
        queue: { key: "default", dispatchPaused: true, pause: { by: null, at: null, note: null } },
        agents: [agent("a-1", [], { busy: true, busySince: NOW - 60_000 })],
        reservations: [{ jobId: "r", expiresAt: NOW - 1, finished: false }],
        buildStates: new Map([["build-a", "canceled"]]),
      }),
    );
    expect(new Set(kinds(findings)).size).toBe(6);
    expect(findingsSchema.parse(JSON.parse(JSON.stringify(findings)))).toEqual(findings);
    expect(findings.every((finding) => finding.since === null || finding.since <= minutesAgo(0))).toBe(true);
  });
});
