import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deriveTokens } from "@/server/simulator/tokens";
import { startConsole, type TestConsole } from "../../../support/console";
import { ofKind, readTriage, triageUntil } from "../../../support/triage";

// A REST token without read_agents: triage.get answers what needs no agents and says why the rest is missing.

describe("triage.get without the agents", () => {
  let c: TestConsole;
  beforeAll(async () => {
    // The simulator's read-only token has every read_* scope but read_agents.
    c = await startConsole({ env: { BUILDKITE_API_TOKEN: deriveTokens(42).apiReadOnly, WAIT_SLO_SECONDS: "1" } });
  });
  afterAll(() => c.close());

  test("still answers the findings that need no agents, and says why the others are missing", async () => {
    await c.control("queue", { paused: true, note: "db migration", by: "Ada" });
    const findings = await triageUntil(c, (found) => ofKind(found, "dispatch_paused").length === 1);
    expect(ofKind(findings, "waiting_over_slo")).toHaveLength(1);
    expect(ofKind(findings, "no_matching_agent")).toEqual([]);
    expect(ofKind(findings, "all_matching_agents_busy")).toEqual([]);
    const { summary } = await readTriage(c);
    expect(summary.warnings).toEqual([expect.stringMatching(/Agent findings are unavailable.*read_agents/)]);
  });
});
