import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { ofKind, readTriage, triageUntil } from "../../../support/triage";

// triage.get over real HTTP: findings from the shared queue snapshot and the shared agents read, following the
// simulator's world as it changes. Its upstream cost and its answer without agents have files of their own
// (triage-shared-reads, triage-no-agents-scope): each needs a console configured differently.

/** The seeded jobs whose rules no seeded agent meets. */
async function unmatchedJobIds(c: TestConsole): Promise<string[]> {
  const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?queue=_default&all=1`);
  const jobs = body.data as { id: string; agentQueryRules: string[] }[];
  return jobs
    .filter((job) => job.agentQueryRules.some((rule) => rule === "os=windows" || rule === "gpu=true"))
    .map((job) => job.id)
    .sort();
}

describe("triage.get", () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startConsole({ env: { WAIT_SLO_SECONDS: "1" } });
  });
  beforeEach(() => c.control("reset", {}));
  afterAll(() => c.close());

  test("finds the seeded os=windows and gpu=true jobs no agent matches, until an agent with those tags connects", async () => {
    const unmatched = await unmatchedJobIds(c);
    expect(unmatched).toHaveLength(2);
    const before = await triageUntil(c, (findings) => ofKind(findings, "no_matching_agent").length > 0);
    const flagged = ofKind(before, "no_matching_agent").flatMap((f) => f.jobIds);
    expect([...flagged].sort()).toEqual(unmatched);
    const { summary } = await readTriage(c);
    expect(summary).toMatchObject({ count: expect.any(Number), waiting: expect.any(Number), warnings: [] });
    expect(summary.bySeverity).toEqual({
      critical: expect.any(Number),
      warning: expect.any(Number),
      info: expect.any(Number),
    });

    await c.control("agents", { name: "win-gpu-1", tags: ["queue=_default", "os=windows", "gpu=true"] });
    await triageUntil(c, (findings) => ofKind(findings, "no_matching_agent").length === 0);
  });

  test("says dispatch is paused while it is, and stops once it resumes", async () => {
    await c.control("queue", { paused: true, note: "db migration", by: "Ada" });
    const paused = await triageUntil(c, (findings) => ofKind(findings, "dispatch_paused").length === 1);
    // Nothing is dispatched while paused, so it ranks first.
    expect(paused[0]).toMatchObject({ kind: "dispatch_paused", severity: "critical" });
    expect(paused[0]?.explanation).toMatch(/db migration|Ada/);
    await c.control("queue", { paused: false });
    await triageUntil(c, (findings) => ofKind(findings, "dispatch_paused").length === 0);
  });

  test("flags the jobs waiting longer than WAIT_SLO_SECONDS", async () => {
    const findings = await triageUntil(c, (found) => ofKind(found, "waiting_over_slo").length === 1);
    const [slo] = ofKind(findings, "waiting_over_slo");
    expect(slo?.count).toBeGreaterThan(0);
    expect(slo?.jobIds).toHaveLength(slo?.count ?? -1);
    expect(slo?.details).toMatchObject({ sloSeconds: 1 });
  });
});
