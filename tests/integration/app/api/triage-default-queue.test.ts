import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { ofKind, readTriage, triageUntil } from "../../../support/triage";

// Which queue agents without a queue tag serve comes from the cluster (its default_queue_id), not from a
// name the console assumes. A console of its own: the cluster is read once a minute, so it must first be
// read after the change. The tests run in order: the first makes the first cluster read fail, so nothing
// is cached when the second changes the default queue.

describe("triage.get and the cluster's default queue", () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startConsole({ env: { WAIT_SLO_SECONDS: "1" } });
  });
  afterAll(() => c.close());

  test("falls back to _default and says so when the cluster cannot be read", async () => {
    await c.control("faults", { method: "GET", path: "/v2/organizations/*/clusters", status: 503, count: 1 });
    const { summary } = await readTriage(c);
    expect(summary.warnings).toEqual([expect.stringMatching(/default queue is unknown.*taken to be on _default/)]);
    await c.control("faults", undefined, "DELETE");
  });

  test("an agent without a queue tag serves the cluster's default queue, wherever the cluster says it is", async () => {
    const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?queue=_default&all=1`);
    const windows = (body.data as { id: string; agentQueryRules: string[] }[]).find((job) =>
      job.agentQueryRules.includes("os=windows"),
    );
    expect(windows?.agentQueryRules).toContain("queue=_default");
    await c.control("cluster", { defaultQueueKey: "linux-large" });
    // Untagged, it serves linux-large now: the windows job, which asks for queue=_default, still has no agent.
    await c.control("agents", { name: "win-untagged", tags: ["os=windows"] });

    const findings = await triageUntil(c, (found) => ofKind(found, "no_matching_agent").length > 0);
    expect(ofKind(findings, "no_matching_agent").some((f) => f.jobIds.includes(windows?.id ?? ""))).toBe(true);
  });
});
