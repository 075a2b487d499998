import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deriveTokens } from "@/server/simulator/tokens";
import { startConsole, type TestConsole } from "../../../support/console";
import { ofKind, readTriage, triageUntil } from "../../../support/triage";

// A REST token that reads agents and clusters but not builds: triage.get reads no build, answers the rest
// and says why build_no_longer_running cannot be told.

const BUILD = "GET /v2/organizations/:org/pipelines/:pipeline/builds/:number";

describe("triage.get without the builds", () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startConsole({ env: { BUILDKITE_API_TOKEN: deriveTokens(42).apiAgentsOnly, WAIT_SLO_SECONDS: "1" } });
  });
  afterAll(() => c.close());

  test("reads no build, still answers the other findings, and says why build findings are missing", async () => {
    const findings = await triageUntil(c, (found) => ofKind(found, "no_matching_agent").length > 0);
    expect(ofKind(findings, "waiting_over_slo")).toHaveLength(1);
    const { summary } = await readTriage(c);
    expect(summary.warnings).toEqual([expect.stringMatching(/Build findings are unavailable.*read_builds/)]);
    expect(await c.upstreamCalls(BUILD)).toBe(0);
  });
});
