import { afterAll, beforeAll, beforeEach, describe, expect, onTestFinished, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { ofKind, readTriage, triageUntil } from "../../../support/triage";
import type { Finding } from "@/lib/schemas/triage";

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

const WEBHOOK_TOKEN = "triage-webhook-token-0123456789";

/** The ids of a queue's waiting jobs, oldest first, as the console lists them. */
async function waitingJobs(c: TestConsole, queueKey: string) {
  const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?queue=${queueKey}&all=1`);
  return body.data as { id: string; priority: number; agentQueryRules: string[] }[];
}

const reserve = (c: TestConsole, jobIds: string[], expirySeconds: number) =>
  c.api(`/api/v1/stacks/${c.sim.stackKey}/reservations`, { body: { jobIds, expirySeconds } });

const finish = (c: TestConsole, jobId: string) =>
  c.api(`/api/v1/stacks/${c.sim.stackKey}/jobs/${jobId}/finish`, { body: { detail: "triage test" } });

const idsOf = (findings: Finding[]) => findings.flatMap((f) => f.jobIds).sort();

describe("triage.get", () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startConsole({ env: { WAIT_SLO_SECONDS: "1", BUILDKITE_WEBHOOK_TOKEN: WEBHOOK_TOKEN } });
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
  test("says when the only agent that matches some jobs is busy, until an idle one connects", async () => {
    const gpu = (await waitingJobs(c, "_default")).find((job) => job.agentQueryRules.includes("gpu=true"));
    expect(gpu).toBeDefined();
    const tags = ["queue=_default", "gpu=true", "os=linux", "arch=amd64", "docker=true"];
    const { id } = await c.control<{ id: string }>("agents", { name: "gpu-1", tags });
    // The agent takes the oldest job it can run, which is not the gpu job: that one now waits on it alone.
    const { jobId } = await c.control<{ jobId: string }>(`agents/${id}/pickup`, {});
    expect(jobId).not.toBe(gpu?.id);
    const busy = await triageUntil(c, (found) =>
      ofKind(found, "all_matching_agents_busy").some((f) => f.jobIds.includes(gpu?.id ?? "")),
    );
    const finding = ofKind(busy, "all_matching_agents_busy").find((f) => f.jobIds.includes(gpu?.id ?? ""));
    expect(finding?.explanation).toContain("gpu-1");
    expect(ofKind(busy, "no_matching_agent").some((f) => f.jobIds.includes(gpu?.id ?? ""))).toBe(false);

    await c.control("agents", { name: "gpu-2", tags: ["queue=_default", "gpu=true"] });
    await triageUntil(
      c,
      (found) => !ofKind(found, "all_matching_agents_busy").some((f) => f.jobIds.includes(gpu?.id ?? "")),
    );
  });

  test("says when reservations made through the console ran out, until the job is finished or reserved again", async () => {
    const [first, second] = (await waitingJobs(c, "_default")).map((job) => job.id);
    if (first === undefined || second === undefined) throw new Error("the seeded queue has fewer than two jobs");
    expect((await reserve(c, [first, second], 1)).status).toBe(200);
    // The console's ledger and the simulator both count the second in real time: one second is the wait.
    const expired = await triageUntil(c, (found) => ofKind(found, "reservation_expired").length === 1);
    expect(idsOf(ofKind(expired, "reservation_expired"))).toEqual([first, second].sort());

    expect((await finish(c, first)).status).toBe(200);
    const left = await triageUntil(c, (found) => idsOf(ofKind(found, "reservation_expired")).join() === second);
    expect(idsOf(ofKind(left, "reservation_expired"))).toEqual([second]);
    expect((await reserve(c, [second], 600)).status).toBe(200);
    await triageUntil(c, (found) => ofKind(found, "reservation_expired").length === 0);
  });

  test("says when low-priority jobs are passed over by newer higher-priority ones, until those are taken", async () => {
    const seeded = await waitingJobs(c, "macos");
    expect(seeded.length).toBeGreaterThan(0);
    expect(ofKind((await readTriage(c, "macos")).findings, "priority_starvation")).toEqual([]);
    const { ids } = await c.control<{ ids: string[] }>("jobs", { count: 3, queueKey: "macos", priority: 100 });

    const starved = await triageUntil(c, (found) => ofKind(found, "priority_starvation").length === 1, "macos");
    // The seeded jobs waited past the SLO with mac-mini-04 able to take them; the newcomers go first.
    expect(idsOf(ofKind(starved, "priority_starvation"))).toEqual(seeded.map((job) => job.id).sort());
    // The three newcomers, and for the oldest seeded job any seeded one of higher priority after it too.
    const [starvation] = ofKind(starved, "priority_starvation");
    expect(
      starvation?.kind === "priority_starvation" && starvation.details.higherPriorityArrivals,
    ).toBeGreaterThanOrEqual(3);

    expect((await reserve(c, ids, 600)).status).toBe(200);
    await triageUntil(c, (found) => ofKind(found, "priority_starvation").length === 0, "macos");
  });

  test("says when waiting jobs belong to a build that ended, until they leave the queue", async () => {
    // Triage keeps a build's state for minutes; the build.finished webhook is what makes it read the build again.
    await c.control("webhooks", {
      url: `${c.origin}/api/v1/webhooks/buildkite`,
      token: WEBHOOK_TOKEN,
      mode: "token",
      events: ["build.finished"],
    });
    onTestFinished(() => c.control("webhooks", undefined, "DELETE"));
    const { ids, build } = await c.control<{ ids: string[]; build: { id: string; pipeline: string; number: number } }>(
      "jobs",
      { count: 2, queueKey: "macos" },
    );
    expect(ofKind((await readTriage(c, "macos")).findings, "build_no_longer_running")).toEqual([]);
    await c.control(`builds/${build.id}/state`, { state: "canceled" });

    const ended = await triageUntil(c, (found) => ofKind(found, "build_no_longer_running").length === 1, "macos");
    const [finding] = ofKind(ended, "build_no_longer_running");
    expect(idsOf(ofKind(ended, "build_no_longer_running"))).toEqual([...ids].sort());
    expect(finding?.explanation).toContain(`${build.pipeline} #${build.number} (canceled)`);

    for (const id of ids) expect((await finish(c, id)).status).toBe(200);
    await triageUntil(c, (found) => ofKind(found, "build_no_longer_running").length === 0, "macos");
  });

  test("stops flagging jobs over the wait SLO once they leave the queue", async () => {
    const over = await triageUntil(c, (found) => ofKind(found, "waiting_over_slo").length === 1, "macos");
    const jobIds = idsOf(ofKind(over, "waiting_over_slo"));
    expect(jobIds).toEqual((await waitingJobs(c, "macos")).map((job) => job.id).sort());
    expect((await reserve(c, jobIds, 600)).status).toBe(200);
    await triageUntil(c, (found) => ofKind(found, "waiting_over_slo").length === 0, "macos");
  });

  test("takes the cluster's default queue for agents without a queue tag", async () => {
    // The seeded cluster's default queue is _default: an agent with no queue tag serves it.
    const windows = (await waitingJobs(c, "_default")).find((job) => job.agentQueryRules.includes("os=windows"));
    await c.control("agents", { name: "win-untagged", tags: ["os=windows"] });
    await triageUntil(
      c,
      (found) => !ofKind(found, "no_matching_agent").some((f) => f.jobIds.includes(windows?.id ?? "")),
    );
  });
});
